// One message as an mbox file holds it, the way mail clients send one: a plain-text and an HTML
// alternative, then attachments. Each part comes whole (its headers, a blank line, its body), so
// a test chooses the encodings it means to exercise.

/** `headers` are the message's own (From, Cc, Subject, Message-ID); the date and the MIME
 *  structure are fixed here. Ends with the blank line that parts it from the next message. */
export function mboxMessage(message: {
  envelopeSender: string;
  headers: string[];
  text: string;
  html: string;
  attachments: string[];
}): string {
  return [
    `From ${message.envelopeSender} Mon Jan 06 04:49:45 +0000 2020`,
    'To: support@tessera.example',
    ...message.headers,
    'Date: Mon, 06 Jan 2020 04:49:45 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    message.text,
    '--inner',
    message.html,
    '--inner--',
    ...message.attachments.flatMap((part) => ['--outer', part]),
    '--outer--',
    '',
    '',
  ].join('\r\n');
}
