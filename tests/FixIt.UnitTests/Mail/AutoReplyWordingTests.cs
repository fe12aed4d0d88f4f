using System.Text;
using FixIt.Application.Features.Inbound.RecordInboundMail;
using FixIt.Infrastructure.Mail.Inbound;

namespace FixIt.UnitTests.Mail;

/// <summary>Out-of-office messages sent without Auto-Submitted, X-Autoreply or Precedence are still recognised by their wording.</summary>
public sealed class AutoReplyWordingTests
{
    private static readonly InboundMailOptions Options = new();

    private static InboundMailKind Kind(string subject, string body, string contentType = "text/plain") =>
        InboundMailParser.Parse(Encoding.UTF8.GetBytes(
                $"From: crew@council.example.org\r\nTo: reply+abcdefgh@reply.localhost\r\nSubject: {subject}\r\n"
                + $"MIME-Version: 1.0\r\nContent-Type: {contentType}; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}\r\n"),
            "crew@council.example.org", false, Options).Mail.Kind;

    [Theory]
    [InlineData("en", "Out of Office: Report #42")]
    [InlineData("en", "Automatic reply: Report #42")]
    [InlineData("de", "Abwesenheitsnotiz: Report #42")]
    [InlineData("de", "Automatische Antwort: Report #42")]
    [InlineData("fr", "Réponse automatique : Report #42")]
    [InlineData("fr", "Absence du bureau : Report #42")]
    [InlineData("es", "Fuera de la oficina: Report #42")]
    [InlineData("es", "Respuesta automática: Report #42")]
    [InlineData("nl", "Afwezig: Report #42")]
    [InlineData("nl", "Automatisch antwoord: Report #42")]
    [InlineData("sv", "Frånvaro: Report #42")]
    [InlineData("da", "Autosvar: Report #42")]
    [InlineData("no", "Fraværende: Report #42")]
    [InlineData("it", "Risposta automatica: Report #42")]
    [InlineData("pt", "Fora do escritório: Report #42")]
    [InlineData("pt", "Resposta automática: Report #42")]
    [InlineData("pl", "Automatyczna odpowiedź: Report #42")]
    public void A_stock_subject_marks_an_automatic_reply(string language, string subject)
    {
        Assert.True(Kind(subject, "Back on Monday.") == InboundMailKind.AutoReply, language);
    }

    [Theory]
    [InlineData("en", "Thank you for your email. I am currently out of the office until 3 March.")]
    [InlineData("en", "Hello,\n\nI'm on annual leave and will reply on my return.")]
    [InlineData("en", "This is an automatic reply. Your message has been received.")]
    [InlineData("de", "Vielen Dank für Ihre Nachricht. Ich bin bis zum 3. März nicht im Büro.")]
    [InlineData("de", "Sehr geehrte Damen und Herren,\nich bin derzeit abwesend.")]
    [InlineData("fr", "Bonjour,\nJe suis absente jusqu'au 3 mars.")]
    [InlineData("fr", "Ceci est une réponse automatique.")]
    [InlineData("es", "Estoy fuera de la oficina hasta el lunes.")]
    [InlineData("es", "Esta es una respuesta automática.")]
    [InlineData("nl", "Ik ben momenteel afwezig tot maandag.")]
    [InlineData("sv", "Jag är på semester till och med 3 mars.")]
    [InlineData("da", "Tak for din mail. Jeg er på ferie indtil mandag.")]
    [InlineData("no", "Jeg er fraværende til mandag.")]
    [InlineData("it", "Sono fuori ufficio fino a lunedì.")]
    [InlineData("pt", "Estou fora do escritório até segunda-feira.")]
    [InlineData("pl", "Dzień dobry,\nJestem poza biurem do poniedziałku.")]
    public void A_stock_opening_line_marks_an_automatic_reply(string language, string body)
    {
        Assert.True(Kind("Re: [FixIt] Broken street light #42", body) == InboundMailKind.AutoReply, language);
    }

    [Theory]
    [InlineData("fr", "Bonjour, je suis absent du bureau jusqu'au 5 décembre. Pour toute urgence, contactez le standard.")]
    [InlineData("en", "Hello,\n\nI am away on annual leave until Monday 7th December. For urgent matters please contact the highways team.")]
    [InlineData("en", "Dear Sender,\nThank you for contacting Demo City Council. This is an automated response to confirm we have received your email. Your reference number is HW-123456.")]
    [InlineData("en", "Your message has been received and a case has been created: CASE-00912. Please do not reply to this email.")]
    [InlineData("en", "Thank you for your enquiry. Your request has been received. Your reference number is 4711.")]
    [InlineData("en", "I'm currently working remotely with limited access to email and will respond on my return on 7 December.")]
    [InlineData("en", "Hi,\nThis is an automatic acknowledgement of your email.")]
    [InlineData("en", "Thanks. Automatic reply: I will answer next week.")]
    [InlineData("de", "Guten Tag,\n\nich bin derzeit nicht im Hause. Ihre E-Mail wird nicht weitergeleitet.")]
    [InlineData("fi", "Kiitos viestistäsi. Olen lomalla 5.12. asti.")]
    [InlineData("fi", "Hei,\nOlen poissa toimistolta 7.12. saakka.")]
    [InlineData("pt", "Obrigado pelo seu e-mail. Estou de férias até 5 de dezembro.")]
    public void A_stock_phrase_in_the_opening_lines_marks_an_automatic_reply(string language, string body)
    {
        Assert.True(Kind("Re: [FixIt #1] Potholes: Deep pothole", body) == InboundMailKind.AutoReply, language);
    }

    [Theory]
    [InlineData("We received your report; our reference is HW-123. The crew will attend on Monday.")]
    [InlineData("The new lamp has been received and will be fitted this week.")]
    [InlineData("Status: in progress\nReference number HW-123 for your records; a crew is booked.")]
    [InlineData("Your message was passed to the lighting team, who are working remotely on the controller.")]
    [InlineData("Our case number is 77. The pothole was filled this morning.")]
    [InlineData("The crew were on leave last month, so the repair is late; it is done now.")]
    public void A_real_reply_that_mentions_received_or_a_reference_is_published(string body)
    {
        Assert.Equal(InboundMailKind.Reply, Kind("Re: [FixIt] Broken street light #42", body));
    }

    [Fact]
    public void A_stock_opening_in_an_html_only_message_is_recognised()
    {
        Assert.Equal(InboundMailKind.AutoReply,
            Kind("Re: Report #42", "<html><body><p>Hallo,</p><p>ich bin zurzeit nicht im Büro.</p></body></html>", "text/html"));
    }

    [Theory]
    [InlineData("We will replace the lamp after the holiday.")]
    [InlineData("Hello,\n\nThe crew was on leave last week but the light is fixed now.")]
    [InlineData("Out of office hours crews cannot reach the site; we will go on Monday.")]
    [InlineData("Status: fixed\nI am back from holiday and the lamp has been replaced.")]
    [InlineData("Bonjour,\nNous sommes absents le lundi, mais la réparation est faite.")]
    [InlineData("Vielen Dank für Ihre Nachricht. Die Lampe ist repariert.")]
    public void A_real_reply_that_mentions_absence_is_published(string body)
    {
        Assert.Equal(InboundMailKind.Reply, Kind("Re: [FixIt] Broken street light #42", body));
    }
}
