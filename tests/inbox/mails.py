"""Real RFC 5322 mails, as bytes, the way an employer's server or a mail system
sends them: a reply in a thread, an out-of-office, a delivery status report."""

from __future__ import annotations


def reply(
    *,
    message_id: str = "<reply-1@acme.example>",
    sender: str = "Jane Doe <jane@acme.example>",
    to: str = "Alice Smith <alice@example.com>",
    subject: str = "Re: Thank you for today",
    date: str = "Thu, 12 Nov 2026 10:30:00 +0000",
    in_reply_to: str = "",
    references: str = "",
    body: str = "Hi Alice,\n\nThanks for your note. We will be in touch.\n\nJane",
    headers: str = "",
) -> bytes:
    thread = ""
    if in_reply_to:
        thread += f"In-Reply-To: {in_reply_to}\r\n"
    if references:
        thread += f"References: {references}\r\n"
    text = (
        f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\n"
        f"Message-ID: {message_id}\r\n{thread}{headers}"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n"
    )
    return text.encode()


def bounce(
    *,
    failed: str = "jane@acme.example",
    original_id: str = "<sent-1@example.com>",
    message_id: str = "<bounce-1@mx.example.com>",
    date: str = "Thu, 12 Nov 2026 10:31:00 +0000",
    action: str = "failed",
) -> bytes:
    """A delivery status report (RFC 3464) returning the original's headers; `action`
    "delayed" is a delay warning, not a bounce."""
    return (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r\n"
        "To: alice@example.com\r\n"
        "Subject: Undelivered Mail Returned to Sender\r\n"
        f"Date: {date}\r\nMessage-ID: {message_id}\r\n"
        "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n'
        "\r\n--B\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
        "This is the mail system at host mx.example.com.\r\n"
        "I'm sorry to have to inform you that your message could not\r\n"
        "be delivered to one or more recipients.\r\n"
        "\r\n--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        "Reporting-MTA: dns; mx.example.com\r\n\r\n"
        f"Final-Recipient: rfc822; {failed}\r\nOriginal-Recipient: rfc822;{failed}\r\n"
        f"Action: {action}\r\nStatus: 5.1.1\r\n"
        "Diagnostic-Code: smtp; 550 5.1.1 <jane@acme.example>: User unknown\r\n"
        "\r\n--B\r\nContent-Type: text/rfc822-headers\r\n\r\n"
        "From: Alice Smith <alice@example.com>\r\nTo: Jane Doe <jane@acme.example>\r\n"
        f"Subject: Following up\r\nMessage-ID: {original_id}\r\n"
        "\r\n--B--\r\n"
    ).encode()
