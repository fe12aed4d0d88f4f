# Writes the corpus cases: python3 cases.py tests/FixIt.UnitTests/MailCorpus
# Each case's expected text is written here by hand, next to the reply it belongs to.
import sys, os
from clients import *

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
cases = []  # (name, eml, expected, facts)
counter = {}

def R(lang):
    n = counter.get(lang, 0)
    counter[lang] = n + 1
    rs = LANGS[lang]['replies']
    return rs[n % len(rs)]

def add(name, eml, expected, facts=()):
    cases.append((name, eml, expected, facts))

def std(client, lang, fn, **kw):
    paras = R(lang)
    name = f"{client}-{lang}-{kw.pop('shape_name', 'top-posted')}"
    add(name, fn(name, lang, paras, **kw), '\n\n'.join(paras))

PLAN = {
 'en': [('gmail', gmail, {}), ('apple-mail', apple, {}), ('outlook-desktop', outlook_desktop, {}), ('outlook-web', outlook_web, {'shape_name': 'html-only'}),
        ('iphone', iphone, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'}), ('yahoo', yahoo, {}), ('samsung', samsung, {}),
        ('k9', k9, {}), ('fairemail', fairemail, {}), ('proton', proton, {}), ('outlook-mobile', outlook_mobile, {})],
 'de': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('iphone', iphone, {}), ('samsung', samsung, {'date_first': True, 'shape_name': 'date-first'}),
        ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'})],
 'fr': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('apple-mail', apple, {'html_only': True, 'shape_name': 'html-only'}), ('yahoo', yahoo, {})],
 'es': [('gmail', gmail, {}), ('outlook-web', outlook_web, {'shape_name': 'html-only'}), ('iphone', iphone, {}), ('samsung', samsung, {})],
 'it': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('apple-mail', apple, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'})],
 'nl': [('gmail', gmail, {}), ('apple-mail', apple, {}), ('outlook-desktop', outlook_desktop, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'})],
 'da': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('iphone', iphone, {})],
 'nb': [('gmail', gmail, {}), ('outlook-web', outlook_web, {'shape_name': 'html-only'}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'})],
 'sv': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'}), ('apple-mail', apple, {})],
 'pl': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'}), ('apple-mail', apple, {})],
 'pt': [('gmail', gmail, {}), ('outlook-web', outlook_web, {'shape_name': 'html-only'}), ('apple-mail', apple, {})],
 'fi': [('gmail', gmail, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'}), ('outlook-desktop', outlook_desktop, {})],
 'cs': [('gmail', gmail, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'}), ('apple-mail', apple, {})],
 'cy': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('apple-mail', apple, {})],
 'tr': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('iphone', iphone, {})],
 'ru': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'}), ('yahoo', yahoo, {'html_only': True, 'shape_name': 'html-only'})],
 'ja': [('gmail', gmail, {}), ('apple-mail', apple, {}), ('outlook-desktop', outlook_desktop, {}), ('iphone', iphone, {})],
 'zh': [('gmail', gmail, {}), ('apple-mail', apple, {}), ('outlook-web', outlook_web, {'shape_name': 'html-only'}), ('thunderbird', thunderbird, {'shape_name': 'bottom-posted'})],
 'ko': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {})],
 'hu': [('gmail', gmail, {}), ('outlook-desktop', outlook_desktop, {})],
}
for lang, plan in PLAN.items():
    for client, fn, kw in plan:
        std(client, lang, fn, **dict(kw))

# Shapes that each rule is about.
p = R('en'); add('gmail-android-en-same-line', gmail('gmail-android-en-same-line', 'en', ['Thanks, done.'], sameline=True), 'Thanks, done.')
add('gmail-android-fr-same-line', gmail('gmail-android-fr-same-line', 'fr', ["C'est réparé, merci."], sameline=True), "C'est réparé, merci.")
p = R('de'); add('gmail-de-inline', gmail('gmail-de-inline', 'de', ['Die Leuchte ist defekt, nicht das Kabel.', 'Wir melden uns nach der Reparatur.'], shape='inline'),
                 'Die Leuchte ist defekt, nicht das Kabel.\n\nWir melden uns nach der Reparatur.')
add('thunderbird-en-inline', thunderbird('thunderbird-en-inline', 'en', ['Confirmed: the lantern is broken, not the cable.', 'We will reply here once it is fixed.'], shape='inline'),
    'Confirmed: the lantern is broken, not the cable.\n\nWe will reply here once it is fixed.')
add('thunderbird-de-html-inline', thunderbird('thunderbird-de-html-inline', 'de', ['Seit Freitag komplett dunkel, laut Nachtstreife.', 'Wir tauschen die Leuchte morgen.'], html=True),
    'Seit Freitag komplett dunkel, laut Nachtstreife.\n\nWir tauschen die Leuchte morgen.')
add('thunderbird-en-wrapped-quote-tail', thunderbird('thunderbird-en-wrapped-quote-tail', 'en', ['A new photocell is fitted; the lamp works again.'], wrapped=True),
    'A new photocell is fitted; the lamp works again.')
add('outlook-web-en-reply-below-header', outlook_web('outlook-web-en-reply-below-header', 'en', ['Replaced the lantern this afternoon.', 'Street Lighting'], variant='below'),
    'Replaced the lantern this afternoon.\n\nStreet Lighting')
add('outlook-desktop-de-reply-below-header', outlook_desktop('outlook-desktop-de-reply-below-header', 'de', ['Die Leuchte wurde heute Nachmittag ersetzt.'], variant='below'),
    'Die Leuchte wurde heute Nachmittag ersetzt.')
add('outlook-desktop-en-sent-first', outlook_desktop('outlook-desktop-en-sent-first', 'en', ['Job raised, reference SL-20931.'], variant='sent-first'), 'Job raised, reference SL-20931.')
add('outlook-desktop-sv-bold-labels', outlook_desktop('outlook-desktop-sv-bold-labels', 'sv', ['Ärendet är registrerat, referens GB-4471.'], variant='star'), 'Ärendet är registrerat, referens GB-4471.')
add('outlook-web-en-own-blockquote', outlook_web('outlook-web-en-own-blockquote', 'en', ['Our contractor reports:'], own_blockquote='Column 12: lantern replaced, photocell tested.'),
    'Our contractor reports:\n\nColumn 12: lantern replaced, photocell tested.')
add('apple-mail-en-html-only', apple('apple-mail-en-html-only', 'en', ['Fixed this morning.'], html_only=True), 'Fixed this morning.')
add('proton-en-html-only', proton('proton-en-html-only', 'en', ['The crew has been booked for Friday.'], html_only=True), 'The crew has been booked for Friday.')
add('yahoo-en-html-only', yahoo('yahoo-en-html-only', 'en', ['Lamp replaced, thank you for your patience.'], html_only=True), 'Lamp replaced, thank you for your patience.')

def simple_plain(name, frm, text, extra=(), cte='8bit', date='Tue, 3 Mar 2026 21:00:00 +0000', subject="Re: " + SUBJECT):
    return head(frm, mid(name, 'council.example.org'), date, list(extra), subject=enc_subject(subject)) + part('text/plain', text, cte, 'UTF-8')

FX = '\n'.join(fixit_text())
QFX = '\n'.join(quoted(fixit_text()))

add('android-mail-en-dashed-attribution', simple_plain('android-mail-en-dashed-attribution', 'Depot <depot@council.example.org>',
    f"Lamp changed at 14:30 today.\n\n------On Tue, 3 Mar 2026 10:15 AM, FixIt wrote------\n\n{FX}\n", ['X-Mailer: Android Mail']),
    'Lamp changed at 14:30 today.')
add('gmail-en-old-attribution', simple_plain('gmail-en-old-attribution', 'Jane Smith <jane.smith@council.example.org>',
    f"Logged as fault 88213, engineer visit on Monday.\n\n2026/3/3 FixIt <{FIXIT}>\n\n{QFX}\n", cte='7bit'),
    'Logged as fault 88213, engineer visit on Monday.')
add('webmail-en-lone-from-link', simple_plain('webmail-en-lone-from-link', 'Lighting Desk <lighting.desk@council.example.org>',
    f"We have passed this to our contractor.\n\nFrom: FixIt\n{BASE}/reports/1\n\n{FX}\n", ['User-Agent: Roundcube Webmail/1.6.9']),
    'We have passed this to our contractor.')
add('gmail-en-forward-contractor', simple_plain('gmail-en-forward-contractor', 'Jane Smith <jane.smith@council.example.org>',
    "Here is our contractor's report on the repair.\n\n---------- Forwarded message ---------\nFrom: Bright Lights Ltd <jobs@brightlights.example.com>\n"
    "Date: Tue, 3 Mar 2026 at 14:02\nSubject: Job 4471 Park Row\nTo: <lighting@council.example.org>\n\n\n"
    "Column 12 on Park Row: lantern replaced, photocell tested OK.\n", cte='7bit'),
    "Here is our contractor's report on the repair.\n\n---------- Forwarded message ---------\nColumn 12 on Park Row: lantern replaced, photocell tested OK.")
add('apple-mail-de-forward-contractor', simple_plain('apple-mail-de-forward-contractor', 'Facilities <facilities@council.example.org>',
    "Hier der Bericht der Fachfirma.\n\nAnfang der weitergeleiteten Nachricht:\n\nVon: Licht & Co. <auftrag@licht.example.de>\nBetreff: Auftrag 4471\n"
    "Datum: 3. März 2026 um 14:02:00 MEZ\nAn: facilities@council.example.org\n\nMast 12: Leuchte getauscht, Dämmerungsschalter geprüft.\n",
    ['X-Mailer: Apple Mail (2.3826.400.131.1.6)']),
    "Hier der Bericht der Fachfirma.\n\nAnfang der weitergeleiteten Nachricht:\nMast 12: Leuchte getauscht, Dämmerungsschalter geprüft.")
add('gmail-fr-forward-of-fixit-mail', simple_plain('gmail-fr-forward-of-fixit-mail', 'Jane Smith <jane.smith@council.example.org>',
    f"Transmis à l'équipe de nuit.\n\n---------- Forwarded message ---------\nDe : FixIt <{FIXIT}>\nDate: mar. 3 mars 2026 à 10:15\n"
    f"Subject: {SUBJECT}\nTo: <lighting@council.example.org>\n\n\n{FX}\n"),
    "Transmis à l'équipe de nuit.")
# A language and a client FixIt has no words for: only the lines FixIt sent give the quote away.
add('invented-eo-unknown-attribution', simple_plain('invented-eo-unknown-attribution', 'Stratlumoj <lumoj@council.example.org>',
    f"Dankon pro la raporto. Ni anstataŭigos la lampon ĵaŭde.\n\nLa 3-an de marto 2026 je 10:15, FixIt skribis:\n\n{QFX}\n", ['X-Mailer: Ekzempla Poŝtilo 0.9']),
    'Dankon pro la raporto. Ni anstataŭigos la lampon ĵaŭde.')
add('invented-eo-unknown-header-block', simple_plain('invented-eo-unknown-header-block', 'Stratlumoj <lumoj@council.example.org>',
    f"La kablo estas riparita.\n\nSendinto: FixIt <{FIXIT}>\nSendita: mardo, 3 marto 2026 10:15\nAl: Stratlumoj\nTemo: {SUBJECT}\n\n{FX}\n", ['X-Mailer: Ekzempla Poŝtilo 0.9']),
    'La kablo estas riparita.')
add('invented-eo-unknown-header-unmarked-bottom', simple_plain('invented-eo-unknown-header-unmarked-bottom', 'Stratlumoj <lumoj@council.example.org>',
    f"Sendinto: FixIt <{FIXIT}>\nSendita: mardo, 3 marto 2026 10:15\nTemo: {SUBJECT}\n\n{FX}\n\nLa lampo denove funkcias.\n", ['X-Mailer: Ekzempla Poŝtilo 0.9']),
    'La lampo denove funkcias.')
NOTICE_Q = '\n'.join(quoted(NOTICE))
add('gmail-en-reporter-reply', simple_plain('gmail-en-reporter-reply', 'Ada Resident <ada.resident@example.net>',
    f"Still dark tonight, and the one at number 14 is flickering too.\n\nOn Tue, 3 Mar 2026 at 10:16, FixIt <{FIXIT}> wrote:\n\n{NOTICE_Q}\n", cte='7bit',
    subject='Re: [FixIt #1] Sent to Demo City Council: Street light out on Park Row'),
    'Still dark tonight, and the one at number 14 is flickering too.', ['from: reporter'])
add('iphone-en-status-line', simple_plain('iphone-en-status-line', 'Duty Officer <duty@council.example.org>',
    f"Status: fixed\n\nLantern replaced this morning.\n\nSent from my iPhone\n\n{attr('en', 'apple')}\n\n{QFX}\n", ['X-Mailer: iPhone Mail (22D72)']),
    'Status: fixed\n\nLantern replaced this morning.')
add('outlook-desktop-en-contact-details', outlook_desktop('outlook-desktop-en-contact-details', 'en',
    ['The electrician will be on site at 8am. If residents have questions they can call 0113 496 0123 or write to lighting.faults@council.example.org.']),
    'The electrician will be on site at 8am. If residents have questions they can call [phone number removed] or write to [email address removed].')

for name, eml, expected, facts in cases:
    with open(os.path.join(OUT, name + '.eml'), 'w', encoding='utf-8', newline='\r\n') as f:
        f.write(eml)
    with open(os.path.join(OUT, name + '.expected.txt'), 'w', encoding='utf-8') as f:
        f.write(''.join(f'#{x}\n' for x in facts) + expected + '\n')
os.makedirs(os.path.join(OUT, 'sent'), exist_ok=True)
with open(os.path.join(OUT, 'sent', 'operator-email.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(fixit_text()) + '\n')
with open(os.path.join(OUT, 'sent', 'operator-email.html'), 'w', encoding='utf-8') as f:
    f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="font-family:sans-serif">' + fixit_html_inner() + '</body></html>\n')
with open(os.path.join(OUT, 'sent', 'sent-notice.txt'), 'w', encoding='utf-8') as f:
    f.write('\n'.join(NOTICE) + '\n')
print(len(cases), 'cases')
