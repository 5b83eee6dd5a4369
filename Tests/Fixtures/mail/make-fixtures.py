#!/usr/bin/env python3
"""Writes round.mbox: eight messages as the secretariat's mailbox (wsis-info@itu.int) received
them during round draft-1 of the test workspace (Tests/draftflowTests/CLI.swift's sampleDraft,
members CAN, USA, CHN, FRA, RUS, GBR). Made with Python's email package, so that the tests need
neither a mail server nor a mail client. Run from this folder: python3 make-fixtures.py

1. plain text (Canada), with a signature;
2. HTML only (United States);
3. multipart with attachments, a Markdown file and the ISO template as CSV (China, from its
   second registered address);
4. quoted-printable body and a base64 attachment (France);
5. RFC 2047 encoded display name and subject (Russian Federation);
6. a reply with quoted text (United Kingdom);
7. an unknown sender;
8. a duplicate of message 1 (the same Message-ID, delivered twice).

It also writes demo-usa.eml, for the demo (the embedded 2020 HLPF example): the United States'
submission as it came by e-mail on 29 February 2020, 23:10 Geneva time, with the ISO template
attached (Comments/draft-1/USA.csv of the checkout, byte for byte).
"""
import mailbox
import os
from email.message import EmailMessage
from email.policy import default as POLICY

SUBJECT = "Council input to HLPF 2020"
TO = "WSIS Secretariat <wsis-info@itu.int>"


def received(day, time, source):
    return (f"from {source} (mail.{source} [192.0.2.1]) by mx.itu.int (Postfix) with ESMTPS id 4A1B2C3D;"
            f" {day} Feb 2020 {time} +0100")


def base(sender, subject, message_id, date, hops):
    message = EmailMessage(policy=POLICY)
    for hop in hops:
        message["Received"] = hop
    message["From"] = sender
    message["To"] = TO
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = message_id
    return message


def plain():
    message = base("Jane Roe <can@example.org>", SUBJECT, "<can-1@example.org>", "Tue, 25 Feb 2020 16:10:41 +0100",
                   [received("Tue, 25", "16:12:03", "example.org"),
                    "from [10.0.0.5] by mail.example.org with ESMTP; Tue, 25 Feb 2020 16:11:00 +0100"])
    message.set_content("Dear Secretariat,\n\n"
                        "## 2.2 (technical)\n"
                        "Sharper wording.\n"
                        "Proposed change: 2.2 Connectivity remains a major challenge.\n"
                        "\n-- \nJane Roe\nPermanent Mission of Canada\n")
    return message


def html():
    message = base("usa@example.org", SUBJECT, "<usa-1@example.org>", "Wed, 26 Feb 2020 09:30:00 -0500",
                   [received("Wed, 26", "15:31:10", "example.org")])
    message.set_content("<html><head><style>p { color: black; }</style></head><body>"
                        "<p>Dear colleagues,</p>"
                        "<h2>1.1 (editorial)</h2>"
                        "<p>Say <b>which</b> invitation.</p>"
                        "<p>Proposed change: 1.1 The Council welcomes the invitation of the ECOSOC President to provide an input.</p>"
                        "</body></html>", subtype="html")
    return message


def with_attachments():
    message = base("Li Wei <geneva@china-mission.example.cn>", SUBJECT, "<chn-1@china-mission.example.cn>",
                   "Thu, 27 Feb 2020 10:00:00 +0800", [received("Thu, 27", "03:00:05", "china-mission.example.cn")])
    message.set_content("Dear Secretariat,\n\nPlease find attached the comments of China.\n")
    message.add_attachment("## 2.1 (technical)\nName the SDGs.\n".encode(), maintype="text", subtype="markdown", filename="CHN.md")
    message.add_attachment(("MB/NC,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change\n"
                            "CN,1,1.2,ed,Add the date.,\n").encode(), maintype="text", subtype="csv", filename="CHN-template.csv")
    message.set_boundary("==draftflow-chn-1==")
    return message


def quoted_printable():
    message = base("Mission de la France <fra@example.org>", SUBJECT, "<fra-1@example.org>", "Thu, 27 Feb 2020 11:00:00 +0100",
                   [received("Thu, 27", "11:00:30", "example.org")])
    message.set_content("Madame, Monsieur,\n\n"
                        "## 1.2 (rédactionnel)\n"
                        "Préciser « le groupe de travail du Conseil » — voir la décision adoptée à la session précédente, qui est très longue à citer.\n",
                        cte="quoted-printable")
    message.add_attachment("## 2.2 (général)\nCommentaire joint, encodé en base64.\n".encode(), maintype="text", subtype="plain",
                           filename="FRA.txt", cte="base64")
    message.set_boundary("==draftflow-fra-1==")
    return message


def encoded_names():
    # The policy writes both headers as RFC 2047 encoded words (=?utf-8?b?...?=).
    message = base("Постоянное представительство России <rus@example.org>", SUBJECT + " — Российская Федерация",
                   "<rus-1@example.org>", "Fri, 28 Feb 2020 12:00:00 +0300", [received("Fri, 28", "10:00:44", "example.org")])
    message.set_content("## general\nПоддерживаем текст.\n")
    return message


def reply():
    message = base("GBR Mission <gbr@example.org>", "Re: " + SUBJECT, "<gbr-1@example.org>", "Fri, 28 Feb 2020 14:00:00 +0000",
                   [received("Fri, 28", "15:00:12", "example.org")])
    message["In-Reply-To"] = "<call@itu.int>"
    message.set_content("## 1.2 (editorial)\nSay which working group.\n\n"
                        "On Fri, 14 Feb 2020 at 10:00, WSIS Secretariat <wsis-info@itu.int> wrote:\n"
                        "> Dear members, please send your comments by 1 March.\n"
                        "> ## 2.1 (technical)\n"
                        "> This quoted heading is not a comment.\n")
    return message


def unknown():
    message = base("Someone <someone@unknown.example>", SUBJECT, "<x-1@unknown.example>", "Sat, 29 Feb 2020 09:00:00 +0100",
                   [received("Sat, 29", "09:00:09", "unknown.example")])
    message.set_content("## general\nWho am I?\n")
    return message


def demo_usa(folder):
    message = base("United States Mission <usa.delegation@example.org>", "Council input to 2020 HLPF", "<usa-draft-1@example.org>",
                   "Sat, 29 Feb 2020 17:09:31 -0500", ["from mail.example.org (mail.example.org [192.0.2.7]) by mx.itu.int (Postfix) with ESMTPS id 7C2D1E0F;"
                                                       " Sat, 29 Feb 2020 23:10:00 +0100"])
    message.set_content("Dear Secretariat,\n\nPlease find attached the comments of the United States on Draft 1,"
                        " in the ISO commenting template.\n\n-- \nUnited States Mission, Geneva\n")
    with open(os.path.join(folder, "..", "..", "..", "Comments", "draft-1", "USA.csv"), "rb") as template:
        message.add_attachment(template.read(), maintype="text", subtype="csv", filename="USA.csv")
    message.set_boundary("==draftflow-usa-draft-1==")
    with open(os.path.join(folder, "demo-usa.eml"), "wb") as out:
        out.write(message.as_bytes())


def main():
    folder = os.path.dirname(os.path.abspath(__file__))
    demo_usa(folder)
    path = os.path.join(folder, "round.mbox")
    if os.path.exists(path):
        os.remove(path)
    box = mailbox.mbox(path, create=True)
    first = plain()
    for message in [first, html(), with_attachments(), quoted_printable(), encoded_names(), reply(), unknown(), first]:
        entry = mailbox.mboxMessage(message)
        entry.set_from("MAILER-DAEMON", (2020, 2, 25, 15, 12, 3, 1, 56, 0))
        box.add(entry)
    box.flush()
    box.close()


if __name__ == "__main__":
    main()
