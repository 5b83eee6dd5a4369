import DraftFlow
import Foundation

/// A complete, self-contained HTML page around a fragment: inline styles, no external resources,
/// readable on screen and on paper.
public enum HTMLPage {
    public static func wrap(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(HTMLEscaping.escape(title))</title>
        <style>
        @page { size: A4; margin: 20mm 18mm; }
        body { font-family: "Times New Roman", "Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic", serif; font-size: 12pt; line-height: 1.45; max-width: 46em; margin: 2em auto; color: #111; }
        h1 { font-size: 16pt; border-bottom: 1px solid #999; padding-bottom: .3em; }
        ins { color: #05620f; background: #e3f6e5; text-decoration: underline; }
        del { color: #a1140c; background: #fbe4e2; text-decoration: line-through; }
        .by { color: #555; font-style: italic; font-size: 10pt; }
        .moved, .note { color: #555; font-size: 10pt; font-style: italic; }
        p, h2, h3, h4 { unicode-bidi: plaintext; }
        </style>
        </head>
        <body>
        <h1>\(HTMLEscaping.escape(title))</h1>
        \(body)
        </body>
        </html>

        """
    }
}
