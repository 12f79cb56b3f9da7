// Real-world MIME shapes as Gmail Takeout writes them (mboxrd, CRLF), for the import tests.
const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n');

export const ALTERNATIVE_QP_BASE64 = `From 1700000000000000001@xxx Mon Jan 06 04:49:45 +0000 2020
X-GM-THRID: 1700000000000000001
X-Gmail-Labels: Inbox,Important
From: Alice Buyer <Alice@Example.com>
To: support@keydesk.test
Subject: License key not working
Date: Mon, 06 Jan 2020 04:49:45 +0000
Message-ID: <alt-1@example.com>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hello, my key for Keydesk Pro doesn=E2=80=99t work. My card 4111 1111 1111 1111 was charged tw=
ice.
>From the receipt: order 42.
--b1
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

${Buffer.from('<p>Hello, my key <b>doesn’t</b> work.</p>').toString('base64')}
--b1--
`;

export const LATIN1_RFC2047 = `From 1700000000000000002@xxx Tue Jan 07 10:00:00 +0000 2020
From: =?ISO-8859-1?Q?Fran=E7ois_M=FCller?= <francois@example.fr>
To: support@keydesk.test
Subject: =?ISO-8859-1?Q?Probl=E8me_de_licence?= =?UTF-8?B?IOKAkyB1cmdlbnQ=?=
Date: Tue, 07 Jan 2020 10:00:00 +0000
Message-ID: <latin1@example.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: 8bit

Bonjour, la cl\u00e9 ne marche pas. Merci beaucoup.
`;

export const KOI8R = `From 1700000000000000003@xxx Tue Jan 07 11:00:00 +0000 2020
From: ivan@example.ru
To: support@keydesk.test
Subject: =?KOI8-R?B?8NLJ18XU?=
Date: Tue, 07 Jan 2020 11:00:00 +0000
Message-ID: <koi8@example.ru>
Content-Type: text/plain; charset=KOI8-R
Content-Transfer-Encoding: base64

8NLJ18XUIM3J0iwgy8zA3iDOxSDSwcLP1MHF1A==
`;

export const NO_MESSAGE_ID = `From 1700000000000000004@xxx Wed Jan 08 09:00:00 +0000 2020
From: nomsgid@example.com
To: support@keydesk.test
Subject: Question without an id
Date: Wed, 08 Jan 2020 09:00:00 +0000

Do you offer volume discounts?
`;

export const CHAIN_ROOT = `From 1700000000000000005@xxx Thu Jan 09 09:00:00 +0000 2020
From: bob@example.org
To: support@keydesk.test
Subject: Upgrade path
Date: Thu, 09 Jan 2020 09:00:00 +0000
Message-ID: <root@example.org>

How do I upgrade from Standard to Pro?
`;

export const CHAIN_REPLY = `From 1700000000000000006@xxx Thu Jan 09 10:00:00 +0000 2020
From: support@keydesk.test
To: bob@example.org
Subject: Re: Upgrade path
Date: Thu, 09 Jan 2020 10:00:00 +0000
Message-ID: <reply1@keydesk.test>
In-Reply-To: <root@example.org>
References: <root@example.org>

Use the upgrade page.

> How do I upgrade from Standard to Pro?
`;

// A client that drops In-Reply-To and References: only the subject ties it to the thread.
export const CHAIN_BROKEN_CLIENT = `From 1700000000000000007@xxx Thu Jan 09 11:00:00 +0000 2020
From: Bob <bob@example.org>
To: support@keydesk.test
Subject: RE: Upgrade path
Date: Thu, 09 Jan 2020 11:00:00 +0000
Message-ID: <broken@example.org>

Thanks, done.
`;

export const MALFORMED = `From 1700000000000000008@xxx Thu Jan 09 12:00:00 +0000 2020
this line is not a header and there is no header block at all
just some bytes a broken exporter left behind
`;

export const ATTACHMENTS = `From 1700000000000000009@xxx Fri Jan 10 08:00:00 +0000 2020
From: carol@example.com
To: support@keydesk.test
Subject: Screenshot and invoice
Date: Fri, 10 Jan 2020 08:00:00 +0000
Message-ID: <att@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="m1"

--m1
Content-Type: multipart/related; boundary="r1"

--r1
Content-Type: text/html; charset=utf-8

<p>See <img src="cid:shot1@example.com"> and the attached invoice.</p>
--r1
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-ID: <shot1@example.com>
Content-Disposition: inline; filename="shot.png"

iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
--r1--
--m1
Content-Type: application/pdf; name="invoice.pdf"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="invoice.pdf"

${Buffer.from('%PDF-1.4 small invoice').toString('base64')}
--m1
Content-Type: application/zip; name="big.zip"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="big.zip"

${Buffer.alloc(3000, 7).toString('base64')}
--m1--
`;

/** The whole file: CRLF line ends, the Latin-1 message in real Latin-1 bytes. */
export function realWorldMbox(): Buffer {
  const parts = [
    ALTERNATIVE_QP_BASE64,
    LATIN1_RFC2047,
    KOI8R,
    NO_MESSAGE_ID,
    CHAIN_ROOT,
    CHAIN_REPLY,
    CHAIN_BROKEN_CLIENT,
    MALFORMED,
    ATTACHMENTS,
  ];
  return Buffer.concat(
    parts.map((p) => {
      const text = `${crlf(p)}\r\n`;
      return p === LATIN1_RFC2047 ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
    }),
  );
}
