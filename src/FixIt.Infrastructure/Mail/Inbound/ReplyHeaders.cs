using System.Collections.Frozen;

namespace FixIt.Infrastructure.Mail.Inbound;

/// <summary>
/// The words mail clients write around quoted history, in the languages FixIt knows: the labels of a header block
/// (Outlook's "From:/Sent:/To:/Subject:" as each localisation writes them), the verbs of an attribution line
/// ("wrote", "schrieb", "a écrit" …), the titles of "original message" and "forwarded message" separators, and the
/// phone clients' "sent from" footers. To support a language, add its words here (and a corpus case, see
/// docs/email.md); the rules that use them are in <see cref="QuoteStripper"/> and <see cref="Attribution"/>.
/// </summary>
internal static class ReplyHeaders
{
    /// <summary>Labels that name the sender, in every language: a header block usually starts with one.</summary>
    public static readonly FrozenSet<string> FromLabels = Set(
        "from", "von", "de", "fra", "från", "da", "van", "od", "lähettäjä", "kimden", "от", "oddi wrth", "差出人", "发件人", "寄件者",
        "보낸 사람", "feladó", "afzender", "remetente", "mittente", "absender", "expéditeur", "remitente", "avsändare", "avsender",
        "afsender", "nadawca", "odesílatel");

    /// <summary>Every label of a header block: sender, date, recipients, subject.</summary>
    public static readonly FrozenSet<string> Labels = Set([
        .. FromLabels,
        // English
        "sent", "date", "to", "cc", "bcc", "subject", "reply-to",
        // German
        "gesendet", "datum", "an", "betreff", "kopie", "antwort an",
        // French
        "envoyé", "à", "objet", "date d'envoi", "destinataire", "répondre à",
        // Spanish, Portuguese
        "enviado", "enviada", "enviado el", "fecha", "para", "asunto", "assunto", "data", "responder a",
        // Italian
        "inviato", "a", "oggetto", "destinatario", "rispondi a",
        // Dutch
        "verzonden", "aan", "onderwerp", "datum verzonden",
        // Danish, Norwegian, Swedish
        "sendt", "dato", "til", "emne", "skickat", "till", "ämne", "kopia", "kopi",
        // Polish, Czech
        "wysłano", "do", "temat", "dw", "odesláno", "komu", "předmět", "datum odeslání",
        // Finnish, Turkish, Hungarian
        "lähetetty", "päivämäärä", "vastaanottaja", "aihe", "kopio", "gönderildi", "gönderilme", "tarih", "kime", "konu", "bilgi",
        "elküldve", "dátum", "címzett", "tárgy", "másolat",
        // Russian, Welsh
        "отправлено", "дата", "кому", "тема", "копия", "anfonwyd", "dyddiad", "at", "pwnc",
        // Japanese, Chinese, Korean
        "送信日時", "日付", "宛先", "件名", "发送时间", "日期", "收件人", "主题", "抄送", "寄件日期", "收件者", "主旨", "副本",
        "날짜", "받는 사람", "제목", "참조",
    ]);

    /// <summary>Verbs (and verb phrases) that end an attribution line before its colon, lower-case.</summary>
    public static readonly string[] Verbs =
    [
        "wrote", "writes", "a écrit", "schrieb", "folgendes geschrieben", "geschrieben", "escribió", "ha scritto", "schreef", "het volgende geschreven", "escreveu",
        "skrev", "napisał(a)", "napisał(-a)", "napisała", "napisał", "pisze", "kirjoitti", "napsal(a)", "napsala", "napsal", "ysgrifennodd", "yazdı",
        "написал(а)", "написал(-а)", "написала", "написал", "пишет", "写道", "寫道", "のメール", "작성", "쓴 글", "írta", "έγραψε",
    ];

    /// <summary>Words that start an attribution ("On …", "Le …", "Am …"), so one written on the reply's own line can be cut from it.</summary>
    public static readonly string[] AttributionOpenings =
    [
        "On ", "Le ", "Am ", "El ", "Il giorno ", "Il ", "Op ", "Em ", "Den ", "W dniu ", "Dne ", "Ar ", "Pe ", "Dana ",
    ];

    /// <summary>Titles of the "-----Original Message-----" separator, lower-case.</summary>
    public static readonly string[] OriginalMessage =
    [
        "original message", "ursprüngliche nachricht", "message d'origine", "mensaje original", "messaggio originale",
        "oorspronkelijk bericht", "oprindelig meddelelse", "opprinnelig melding", "ursprungligt meddelande", "wiadomość oryginalna",
        "mensagem original", "alkuperäinen viesti", "původní zpráva", "orijinal mesaj", "özgün ileti", "исходное сообщение",
        "исходное письмо", "neges wreiddiol", "原始邮件", "原始郵件", "元のメッセージ", "원본 메시지", "eredeti üzenet",
    ];

    /// <summary>Titles of a forward separator ("---------- Forwarded message ---------", "Begin forwarded message:"), lower-case.</summary>
    public static readonly string[] Forwarded =
    [
        "forwarded message", "begin forwarded message", "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
        "message transféré", "début du message réexpédié", "mensaje reenviado", "inicio del mensaje reenviado", "messaggio inoltrato",
        "inizio messaggio inoltrato", "doorgestuurd bericht", "begin doorgestuurd bericht", "videresendt meddelelse",
        "videresendt melding", "vidarebefordrat meddelande", "wiadomość przekazana dalej", "przekazana wiadomość",
        "mensagem encaminhada", "välitetty viesti", "přeposlaná zpráva", "iletilen mesaj", "пересылаемое сообщение",
        "neges wedi'i hanfon ymlaen", "转发的邮件", "轉寄的郵件", "転送されたメッセージ", "전달된 메시지", "továbbított üzenet",
    ];

    /// <summary>How phone and web clients' automatic footers begin ("Sent from my iPhone", "Von meinem iPhone gesendet" …), lower-case.</summary>
    public static readonly string[] FooterOpenings =
    [
        "sent from my ", "sent from mail", "sent from outlook", "sent from yahoo mail", "sent from samsung", "sent from gmail",
        "sent from fairemail", "sent from k-9", "sent with proton mail", "get outlook for ", "envoyé de mon ",
        "envoyé depuis ", "obtenir outlook pour ", "von meinem ", "gesendet von ", "enviado desde mi ", "enviado do meu ",
        "enviado desde ", "obtener outlook para ", "inviato da ", "verzonden vanaf mijn ", "verstuurd vanaf mijn ", "verzonden met ", "skickat från min ",
        "sendt fra min ", "wysłane z ", "lähetetty ", "odesláno z ", "отправлено с ", "anfonwyd o fy ", "发自我的", "az iphone-omról ",
    ];

    /// <summary>
    /// Verbs of Outlook's mobile footer ("Get Outlook for iOS", "Outlook für Android herunterladen", "Télécharger
    /// Outlook pour iOS", "iOS 版 Outlook を入手" …), lower-case; a short line naming Outlook and iOS or Android with one
    /// of these, or with a link, is the footer whatever its word order.
    /// </summary>
    public static readonly string[] OutlookFooterVerbs =
    [
        "get", "download", "herunterladen", "holen", "télécharger", "obtenir", "obtener", "descargar", "descarga", "obter", "baixe",
        "baixar", "downloaden", "scarica", "ottieni", "pobierz", "hämta", "hent", "få", "hanki", "lataa", "stáhněte",
        "stáhnout", "získejte", "stiahnite", "letöltése", "töltse", "szerezze", "descărcați", "descarcă", "preuzmite", "prenesite",
        "получить", "скачать", "скачайте", "завантажте", "edinin", "indirin", "λήψη", "入手", "获取", "下载", "取得", "下載",
        "다운로드", "받기", "tải", "dapatkan", "unduh", "הורד", "تنزيل", "احصل",
    ];

    /// <summary>Footers written with the device first ("iPhoneから送信", "iPhone'umdan gönderildi"), lower-case endings.</summary>
    public static readonly string[] FooterEndings = ["から送信", "发送", "傳送", "gönderildi", "에서 보냄", "küldve"];

    /// <summary>Devices and apps a footer written device-first names; such a footer is only taken with one of them.</summary>
    public static readonly string[] FooterDevices = ["iphone", "ipad", "android", "galaxy", "samsung", "outlook", "yahoo", "huawei", "xiaomi"];

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
