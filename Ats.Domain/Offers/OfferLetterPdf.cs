using System.Reflection;
using SkiaSharp;

namespace Ats.Domain.Offers;

/// Draws an offer letter on one A4 page with SkiaSharp's PDF backend. All layout lives here: a letterhead, the address
/// block, date and subject, the text, the terms as a table, and two signature lines. Lato (OFL) ships with the app,
/// so the letter looks the same on every server.
public static class OfferLetterPdf
{
    private const float Width = 595, Height = 842, Margin = 64; // A4 in points
    private const float Right = Width - Margin, TextWidth = Width - 2 * Margin;
    private static readonly SKColor Ink = new(0x21, 0x21, 0x21), Muted = new(0x6b, 0x6b, 0x6b), Accent = new(0x1e, 0x5a, 0x8c);
    private static readonly SKTypeface Regular = LoadFont("Lato-Regular.ttf"), Bold = LoadFont("Lato-Bold.ttf");

    public static byte[] Render(OfferLetter letter)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
               {
                   Title = letter.Text.Subject, Author = letter.CompanyName, Creator = "Ats", Producer = "Ats",
                   Creation = DateTime.UtcNow, Modified = DateTime.UtcNow,
               }))
        {
            var page = new Page(document.BeginPage(Width, Height));
            DrawLetter(page, letter);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static void DrawLetter(Page page, OfferLetter letter)
    {
        var words = letter.Text;

        // Letterhead: the organisation's name, its address to the right, a rule below.
        page.Text(letter.CompanyName, Margin, 72, Bold, 20, Accent);
        var y = 60f;
        foreach (var line in letter.CompanyAddress) page.TextRight(line, Right, y += 11, Regular, 8.5f, Muted);
        page.Rule(Margin, Right, Math.Max(y, 80) + 10, Accent, 1.2f);

        // The address block where a window envelope shows it, and the date on the right.
        var sender = string.Join(" · ", letter.CompanyAddress.Where(l => l != letter.CompanyName).Prepend(letter.CompanyName));
        page.Text(page.Fit(sender, Regular, 7, TextWidth / 2), Margin, 150, Regular, 7, Muted);
        y = 168;
        foreach (var line in letter.CandidateAddress.Prepend(letter.CandidateName)) { page.Text(line, Margin, y, Regular, 11, Ink); y += 15; }
        page.TextRight(letter.Day(letter.Date), Right, 260, Regular, 10, Ink);

        page.Text(words.Subject, Margin, 300, Bold, 13, Ink);
        y = page.Paragraph(words.Salutation, Margin, 330, Regular, 11);
        y = page.Paragraph(words.Intro, Margin, y + 6, Regular, 11);

        // The terms as a table: label, value, a hairline under each row.
        y -= 4;
        foreach (var (label, value) in letter.Terms)
        {
            page.Text(label, Margin + 8, y + 14, Regular, 10.5f, Muted);
            page.Text(value, Margin + 180, y + 14, Bold, 10.5f, Ink);
            page.Rule(Margin, Right, y + 22, new SKColor(0xdd, 0xdd, 0xdd), 0.6f);
            y += 24;
        }

        y = page.Paragraph(words.Closing, Margin, y + 26, Regular, 11);

        // Two signature lines: the organisation's and the candidate's acceptance.
        var lineY = Math.Max(y + 80, 660);
        var half = (TextWidth - 40) / 2;
        page.Rule(Margin, Margin + half, lineY, Ink, 0.8f);
        page.Rule(Right - half, Right, lineY, Ink, 0.8f);
        page.Text(words.ForCompany, Margin, lineY + 14, Regular, 9, Muted);
        if (letter.SignerName is { Length: > 0 } signer) page.Text(signer, Margin, lineY + 26, Regular, 9, Muted);
        page.Text($"{words.Accepted}: {letter.CandidateName}", Right - half, lineY + 14, Regular, 9, Muted);
    }

    /// A page and the few drawing operations the letter needs.
    private sealed class Page(SKCanvas canvas)
    {
        public void Text(string text, float x, float y, SKTypeface face, float size, SKColor color)
        {
            using var font = new SKFont(face, size);
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
        }

        public void TextRight(string text, float right, float y, SKTypeface face, float size, SKColor color)
        {
            using var font = new SKFont(face, size);
            using var paint = new SKPaint { Color = color, IsAntialias = true };
            canvas.DrawText(text, right, y, SKTextAlign.Right, font, paint);
        }

        public void Rule(float x1, float x2, float y, SKColor color, float width)
        {
            using var paint = new SKPaint { Color = color, StrokeWidth = width, IsAntialias = true };
            canvas.DrawLine(x1, y, x2, y, paint);
        }

        /// The text, shortened with "…" until it fits the width (the sender line of the address window).
        public string Fit(string text, SKTypeface face, float size, float width)
        {
            using var font = new SKFont(face, size);
            if (font.MeasureText(text) <= width) return text;
            while (text.Length > 1 && font.MeasureText(text + "…") > width) text = text[..^1];
            return text.TrimEnd() + "…";
        }

        /// Wraps the text at word boundaries to the text width; returns the baseline a next line would have.
        public float Paragraph(string text, float x, float y, SKTypeface face, float size)
        {
            using var font = new SKFont(face, size);
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (font.MeasureText(candidate) <= TextWidth) { line = candidate; continue; }
                Text(line, x, y, face, size, Ink);
                (line, y) = (word, y + size * 1.45f);
            }
            if (line.Length > 0) Text(line, x, y, face, size, Ink);
            return y + size * 1.45f;
        }
    }

    private static SKTypeface LoadFont(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Ats.Domain.Offers.Fonts.{file}")
            ?? throw new InvalidOperationException($"The font {file} is not embedded.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} could not be read.");
    }
}
