// Delivery status notifications (RFC 3464, `multipart/report; report-type=delivery-status`) and
// abuse feedback reports (ARF, RFC 5965, `report-type=feedback-report`): which addresses a report
// speaks of, what happened to each, and which of our messages it is about. Read from the raw
// message, because mailparser folds the machine-readable part into the text body.

export type DeliveryOutcome = 'failed' | 'delayed' | 'complaint' | 'other';

export type DeliveryReport = {
  kind: 'delivery-status' | 'feedback-report';
  recipients: {
    address: string;
    outcome: DeliveryOutcome;
    status: string | null;
    diagnostic: string | null;
  }[];
  /** The reported message's own Message-ID, `<…>`, when the report returned its headers. */
  originalMessageId: string | null;
};

const REPORT_PART = {
  'delivery-status': /^content-type:\s*message\/(?:global-)?delivery-status/im,
  'feedback-report': /^content-type:\s*message\/feedback-report/im,
} as const;

/** The report a message carries, or null when it is not a delivery or feedback report. */
export function readDeliveryReport(contentType: string | null, raw: Buffer): DeliveryReport | null {
  if (!contentType || !/^\s*multipart\/report\b/i.test(contentType)) return null;
  const type = /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (type !== 'delivery-status' && type !== 'feedback-report') return null;
  // latin1 keeps every byte; the fields are ASCII.
  const text = raw.toString('latin1');
  const bodyStart = text.search(/\r?\n\r?\n/);
  if (bodyStart < 0) return null;
  // Some servers send more than one report part (the first may hold only prose): read them all.
  const recipients: DeliveryReport['recipients'] = [];
  let rest = '';
  const partHeader = new RegExp(REPORT_PART[type].source, 'gim');
  const starts = [...text.slice(bodyStart).matchAll(partHeader)].map((match) => bodyStart + match.index);
  for (const [i, start] of starts.entries()) {
    // A part ends where the next report part starts: reading each to the end of the message made a
    // message of many part headers cost quadratic time (78 KB took 1.5 s; a 25 MB one, hours).
    const part = text.slice(start, starts[i + 1] ?? text.length);
    const fieldsEnd = endOfReportFields(part);
    const fields = unfold(part.slice(0, fieldsEnd));
    recipients.push(
      ...(type === 'delivery-status' ? deliveryRecipients(fields) : feedbackRecipients(fields, part)),
    );
    rest = part.slice(fieldsEnd);
  }
  if (recipients.length === 0) return null;
  return { kind: type, recipients, originalMessageId: originalMessageId(rest) };
}

/** The report's fields end at the next MIME boundary line. */
function endOfReportFields(part: string): number {
  const boundary = /^--\S/m.exec(part);
  return boundary ? boundary.index : part.length;
}

function unfold(block: string): string[] {
  return block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
}

function field(line: string, name: string): string | null {
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'i').exec(line);
  return match ? (match[1] ?? '').trim() : null;
}

/** `rfc822; a@b` or `<a@b>` → `a@b` (lower case), or null when it is no address. */
function addressOf(value: string): string | null {
  const typed = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  const address = typed.trim().replace(/^<|>$/g, '').trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}

/** RFC 3464: one block of fields per recipient, blocks parted by empty lines, fields in any order. */
function deliveryRecipients(lines: string[]): DeliveryReport['recipients'] {
  const blocks: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '') blocks.push([]);
    else blocks.at(-1)?.push(line);
  }
  return blocks.flatMap((block) => {
    const value = (name: string) => block.map((l) => field(l, name)).find((v) => v !== null) ?? null;
    const finalRecipient = value('Final-Recipient');
    const address = finalRecipient === null ? null : addressOf(finalRecipient);
    if (!address) return [];
    const status = /^\d\.\d{1,3}\.\d{1,3}/.exec(value('Status') ?? '')?.[0] ?? null;
    const diagnostic = value('Diagnostic-Code');
    return [
      {
        address,
        outcome: outcomeOf(value('Action')?.toLowerCase() ?? null, status),
        status,
        diagnostic:
          diagnostic === null
            ? null
            : diagnostic
                .slice(diagnostic.indexOf(';') + 1)
                .trim()
                .slice(0, 300),
      },
    ];
  });
}

/** `failed` is permanent (the server gave up); without an Action, the status class decides. */
function outcomeOf(action: string | null, status: string | null): DeliveryOutcome {
  if (action === 'failed') return 'failed';
  if (action === 'delayed') return 'delayed';
  if (action !== null) return 'other';
  if (status?.startsWith('5')) return 'failed';
  if (status?.startsWith('4')) return 'delayed';
  return 'other';
}

function feedbackRecipients(lines: string[], part: string): DeliveryReport['recipients'] {
  const feedbackType = lines.map((l) => field(l, 'Feedback-Type')).find((v) => v !== null) ?? 'abuse';
  let addresses = lines.flatMap((l) => {
    const value = field(l, 'Original-Rcpt-To');
    const address = value === null ? null : addressOf(value);
    return address ? [address] : [];
  });
  if (addresses.length === 0) {
    // Without Original-Rcpt-To, the returned message's own To: names who complained.
    const to = /^To:\s*(.*)$/im.exec(part.slice(endOfReportFields(part)))?.[1] ?? '';
    const address = addressOf(/<([^<>]+)>/.exec(to)?.[1] ?? to);
    addresses = address ? [address] : [];
  }
  return [...new Set(addresses)].map((address) => ({
    address,
    outcome: 'complaint' as const,
    status: null,
    diagnostic: `Feedback-Type: ${feedbackType.slice(0, 40)}`,
  }));
}

function originalMessageId(rest: string): string | null {
  const id = /^Message-ID:\s*<([^<>\s]+)>/im.exec(rest)?.[1];
  return id ? `<${id}>` : null;
}
