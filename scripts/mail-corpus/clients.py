# How each client lays out a reply: headers, MIME structure, charset and transfer encoding, where the quote goes.
from make import *

def mid(name, domain):
    return hashlib.sha1(name.encode()).hexdigest()[:20] + '@' + domain

def plain_body(paras, attribution, quote_lines, shape, answers=None, attr_blank=True):
    """Plain text reply: top-posted, bottom-posted or inline answers between pieces of the quote."""
    q = quoted(quote_lines)
    a = attribution if isinstance(attribution, list) else [attribution]
    if shape == 'top':
        return '\n\n'.join(paras) + '\n\n' + '\n'.join(a) + ('\n\n' if attr_blank else '\n') + '\n'.join(q) + '\n'
    if shape == 'bottom':
        return '\n'.join(a) + '\n' + '\n'.join(q) + '\n\n' + '\n\n'.join(paras) + '\n'
    # inline: answers between the description and the links
    cut = 9
    return ('\n'.join(a) + '\n' + '\n'.join(q[:cut]) + '\n\n' + paras[0] + '\n\n' + '\n'.join(q[cut:]) + '\n\n' + '\n\n'.join(paras[1:]) + '\n')

def gmail(name, lang, paras, shape='top', android=False, sameline=None):
    at = attr(lang, 'gmail')
    a = wrap76(at)
    if sameline:
        text = paras[0] + ' ' + at + '\n\n' + '\n'.join(quoted(fixit_text())) + '\n'
    else:
        text = plain_body(paras, a, fixit_text(), shape)
    reply_html = '<div dir="ltr">' + html_paras(paras) + '</div>'
    quote_html = (f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{esc(at)}<br></div>'
                  '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
                  + fixit_html_inner() + '</blockquote></div>')
    html = reply_html + '<br>' + quote_html if shape != 'bottom' else quote_html + reply_html
    ascii_ = all(ord(c) < 128 for c in text)
    b = '000000000000' + hashlib.md5(name.encode()).hexdigest()[:12]
    body = alternative(b, [part('text/plain', text, '7bit' if ascii_ else 'quoted-printable'), part('text/html', html + '\n', 'quoted-printable')])
    frm = "Jane Smith <jane.smith@council.example.org>"
    extra = [] if not android else []
    return head(frm, 'CA' + mid(name, 'mail.gmail.com'), 'Tue, 3 Mar 2026 11:02:41 +0000', extra) + body

def apple(name, lang, paras, html_only=False, shape='top'):
    at = attr(lang, 'apple')
    text = plain_body(paras, at, fixit_text(), shape)
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            + html_paras(paras) + f'<div><br><blockquote type="cite"><div>{esc(at)}</div><br class="Apple-interchange-newline">'
            + '<div><div>' + fixit_html_inner() + '</div></div></blockquote></div><br></body></html>')
    b = 'Apple-Mail=_' + hashlib.md5(name.encode()).hexdigest().upper()[:8] + '-2B1C-4E0A-9A51-7D3C0F2E1B44'
    extra = ['X-Mailer: Apple Mail (2.3826.400.131.1.6)']
    if html_only:
        body = part('text/html', html + '\n', 'quoted-printable', 'utf-8')
    else:
        body = alternative(b, [part('text/plain', text, 'quoted-printable', 'utf-8'), part('text/html', html + '\n', 'quoted-printable', 'utf-8')])
    return head('Facilities <facilities@council.example.org>', mid(name, 'council.example.org').upper(), 'Tue, 3 Mar 2026 12:40:05 +0100', extra) + body

def iphone(name, lang, paras):
    at = attr(lang, 'apple')
    text = '\n\n'.join(paras) + '\n\n' + LANGS[lang]['iphone'] + '\n\n' + at + '\n\n' + '\n'.join(quoted(fixit_text())) + '\n'
    extra = ['X-Mailer: iPhone Mail (22D72)']
    return head('Duty Officer <duty@council.example.org>', mid(name, 'council.example.org').upper(), 'Tue, 3 Mar 2026 13:01:15 +0100', extra) + \
        part('text/plain', text, 'quoted-printable', 'utf-8')

def outlook_html_doc(reply_html, quote_html):
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;} --></style></head>'
            '<body lang="EN-GB" link="#0563C1" vlink="#954F72"><div class="WordSection1">' + reply_html + quote_html + '</div></body></html>')

def mso(paras):
    out = ''
    for p in paras:
        for l in p.split('\n'):
            out += f'<p class="MsoNormal">{esc(l)}<o:p></o:p></p>'
        out += '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
    return out

def outlook_desktop(name, lang, paras, variant='header'):
    block = header_block_plain(lang, star=(variant == 'star'))
    if variant == 'sent-first':
        block = [block[1], block[0], block[2], block[3]]
    if variant == 'below':
        text = '\n'.join(block) + '\n\n' + '\n'.join(fixit_text()) + '\n\n' + '\n\n'.join(paras) + '\n'
    else:
        text = '\n\n'.join(paras) + '\n\n' + '\n'.join(block) + '\n\n' + '\n'.join(fixit_text()) + '\n'
    quote = ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal">'
             + header_block_html(lang) + '<o:p></o:p></p></div><p class="MsoNormal"><o:p>&nbsp;</o:p></p>' + fixit_html_inner())
    html = outlook_html_doc(mso(paras), quote) if variant != 'below' else outlook_html_doc('', quote + mso(paras))
    b = '_000_DB9PR02MB' + hashlib.md5(name.encode()).hexdigest()[:10].upper() + 'eurprd02prod_'
    extra = ['Thread-Topic: ' + enc_subject(SUBJECT), 'Thread-Index: AQHbjK2x9QwVf3nN0UaP7m5J8f6h7Q==', 'Content-Language: ' + lang,
             'X-MS-Has-Attach:', 'X-Mailer: Microsoft Outlook 16.0']
    body = alternative(b, [part('text/plain', text, 'quoted-printable', 'utf-8'), part('text/html', html + '\n', 'quoted-printable', 'utf-8')])
    return head('Street Lighting <lighting@council.example.org>', 'DB9PR02MB' + mid(name, 'DB9PR02MB7291.eurprd02.prod.outlook.com'),
                'Tue, 3 Mar 2026 11:20:33 +0000', extra) + body

def outlook_web(name, lang, paras, variant='top', own_blockquote=None):
    reply = ''.join(f'<div style="font-family: Aptos, sans-serif; font-size: 12pt;">{"<br>".join(esc(l) for l in p.split(chr(10)))}</div>'
                    f'<div style="font-family: Aptos, sans-serif; font-size: 12pt;"><br></div>' for p in paras)
    if own_blockquote:
        reply += f'<blockquote style="margin-left:2em">{esc(own_blockquote)}</blockquote>'
    quote = ('<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr">'
             '<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' + header_block_html(lang)
             + '</font><div>&nbsp;</div></div><div>' + fixit_html_inner() + '</div>')
    if variant == 'below':
        html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">' + \
            '<div id="appendonsend"></div>' + quote + reply + '</body></html>'
    else:
        html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">' + reply + \
            '<div id="appendonsend"></div>' + quote + '</body></html>'
    extra = ['Content-Language: ' + lang, 'X-MS-Exchange-Organization-SCL: -1']
    return head('Parks and Streets <streets@council.example.org>', 'AM0PR02MB' + mid(name, 'AM0PR02MB5555.eurprd02.prod.outlook.com'),
                'Tue, 3 Mar 2026 14:22:10 +0000', extra) + part('text/html', html + '\n', 'base64', 'utf-8')

def outlook_mobile(name, lang, paras):
    footer = 'Get Outlook for iOS<https://aka.ms/o0ukef>'
    text = '\n\n'.join(paras) + '\n\n' + footer + '\n' + '_' * 32 + '\n' + '\n'.join(header_block_plain(lang)) + '\n\n' + '\n'.join(fixit_text()) + '\n'
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div dir="auto">'
            + html_paras(paras) + '</div><div id="ms-outlook-mobile-signature" dir="auto">Get <a href="https://aka.ms/o0ukef">Outlook for iOS</a></div>'
            '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">'
            + header_block_html(lang) + '</font><div>&nbsp;</div></div>' + fixit_html_inner() + '</body></html>')
    b = '_000_' + hashlib.md5(name.encode()).hexdigest()[:16] + '_'
    body = alternative(b, [part('text/plain', text, 'base64', 'utf-8'), part('text/html', html + '\n', 'base64', 'utf-8')])
    return head('Bus Shelters <shelters@council.example.org>', 'VI1PR' + mid(name, 'VI1PR07MB6270.eurprd07.prod.outlook.com'), 'Tue, 3 Mar 2026 15:01:00 +0000', []) + body

def thunderbird(name, lang, paras, shape='bottom', html=False, wrapped=False):
    at = attr(lang, 'tb')
    lines = fixit_text()
    if wrapped:
        # Thunderbird rewrapped the longest quoted line at 72 columns; the tail lost its marker.
        last = lines[-1]
        cut = last.rfind(' ', 0, 70)
        lines = lines[:-1] + [last[:cut]]
        text = at + '\n' + '\n'.join(quoted(lines)) + '\n' + last[cut + 1:] + '\n\n' + '\n\n'.join(paras) + '\n'
    else:
        text = plain_body(paras, at, lines, shape)
    extra = ['User-Agent: Mozilla Thunderbird', 'Content-Language: ' + lang]
    frm = 'Night Patrol <patrol@council.example.org>'
    if html:
        segs = fixit_html_inner().split('<p>Answer with')
        h = ('<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
             f'<div class="moz-cite-prefix">{esc(at)}<br></div>'
             f'<blockquote type="cite" cite="mid:fixit-1-operator@fixit.example.org">{segs[0]}</blockquote>'
             f'<p>{esc(paras[0])}</p>'
             f'<blockquote type="cite"><p>Answer with{segs[1]}</blockquote>'
             + ''.join(f'<p>{esc(p)}</p>' for p in paras[1:]) + '<div class="moz-signature">-- <br>Night patrol team</div></body></html>')
        return head(frm, mid(name, 'council.example.org'), 'Tue, 3 Mar 2026 17:00:00 +0000', extra) + part('text/html', h + '\n', '8bit', 'UTF-8')
    return head(frm, mid(name, 'council.example.org'), 'Tue, 3 Mar 2026 17:00:00 +0000', extra) + \
        part('text/plain', text, '8bit', 'UTF-8', '; format=flowed')

def yahoo(name, lang, paras, html_only=False):
    at = attr(lang, 'yahoo')
    text = '\n\n'.join(paras) + '\n\n    ' + at + '  \n \n' + '\n'.join(' ' + l for l in fixit_text()) + '\n'
    html = ('<html><head></head><body><div class="ydp3f2a1b9cyahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">'
            + html_paras(paras) + '</div><div id="yahoo_quoted_5307811234" class="yahoo_quoted">'
            f'<div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;"><div>{esc(at)}</div><div><br></div><div><br></div>'
            '<div><div id="yiv1234567890">' + fixit_html_inner() + '</div></div></div></div></body></html>')
    b = '----=_Part_' + str(int(hashlib.md5(name.encode()).hexdigest()[:6], 16)) + '_1048576.1772535302000'
    extra = ['X-Mailer: WebService/1.1.23187 YMailNorrin']
    if html_only:
        body = part('text/html', html + '\n', 'quoted-printable', 'UTF-8')
    else:
        body = alternative(b, [part('text/plain', text, 'quoted-printable', 'UTF-8'), part('text/html', html + '\n', 'quoted-printable', 'UTF-8')])
    return head('Highways Duty <highways.duty@council.example.org>', mid(name, 'mail.yahoo.com'), 'Tue, 3 Mar 2026 16:45:12 +0000 (UTC)', extra) + body

def samsung(name, lang, paras, date_first=False):
    f, s, t, j = LANGS[lang]['labels']
    blk = [f"{f}: FixIt <{FIXIT}> ", f"{s}: 03/03/2026 10:15 (GMT+00:00) ", f"{t}: lighting@council.example.org ", f"{j}: {SUBJECT} "]
    if date_first:
        blk = [blk[1], blk[0], blk[2], blk[3]]
    text = '\n\n'.join(paras) + '\n\n\n\nSent from my Galaxy\n\n\n' + LANGS[lang]['orig'] + '\n' + '\n'.join(blk) + '\n\n' + '\n'.join(fixit_text()) + '\n'
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><div dir="auto">' + html_paras(paras)
            + '</div><div dir="auto"><br></div><div id="composer_signature" dir="auto"><div style="font-size:12px;color:#575757" dir="auto">Sent from my Galaxy</div></div>'
            + f'<div dir="auto"><br></div><div><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000"><div>{esc(LANGS[lang]["orig"])}</div>'
            + ''.join(f'<div>{esc(x)}</div>' for x in blk) + '<div><br></div></div>' + fixit_html_inner() + '</body></html>')
    b = '--_com.samsung.android.email_' + str(int(hashlib.md5(name.encode()).hexdigest()[:8], 16))
    body = alternative(b, [part('text/plain', text, 'base64', 'UTF-8'), part('text/html', html + '\n', 'base64', 'UTF-8')])
    return head('Electrical Team <electrical@council.example.org>', mid(name, 'email.android.com'), 'Tue, 3 Mar 2026 18:12:44 +0000', []) + body

def k9(name, lang, paras):
    at = attr(lang, 'gmail')
    text = '\n\n'.join(paras) + '\n\n' + at + '\n' + '\n'.join(quoted(fixit_text())) + '\n\n-- \nSent from my Android device with K-9 Mail. Please excuse my brevity.\n'
    extra = ['User-Agent: K-9 Mail for Android']
    return head('Ops Room <ops@council.example.org>', mid(name, 'council.example.org'), 'Tue, 3 Mar 2026 19:02:11 +0000', extra) + \
        part('text/plain', text, 'quoted-printable', 'UTF-8')

def fairemail(name, lang, paras):
    at = f"03.03.2026 10:15:22 FixIt <{FIXIT}>:"
    text = '\n\n'.join(paras) + '\n\n' + at + '\n\n' + '\n'.join(quoted(fixit_text())) + '\n'
    html = ('<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1.0"></head><body>'
            + ''.join(f'<p>{esc(p)}</p>' for p in paras) + f'<p><br></p><p>{esc(at)}</p>'
            '<blockquote style="margin:0 0 0 6px;border-left:3px solid #ccc;padding-left:6px">' + fixit_html_inner() + '</blockquote></body></html>')
    b = '----=_Part_' + str(int(hashlib.md5(name.encode()).hexdigest()[:6], 16)) + '_1772536922110'
    body = alternative(b, [part('text/plain', text, 'quoted-printable', 'UTF-8'), part('text/html', html + '\n', 'quoted-printable', 'UTF-8')])
    return head('Maintenance <maintenance@council.example.org>', mid(name, 'council.example.org'), 'Tue, 3 Mar 2026 19:40:00 +0100', []) + body

def proton(name, lang, paras, html_only=False):
    at = f"On Tuesday, March 3rd, 2026 at 10:15, FixIt <{FIXIT}> wrote:"
    text = '\n\n'.join(paras) + '\n\nSent with Proton Mail secure email.\n\n------- Original Message -------\n' + at + '\n\n\n' + '\n'.join(quoted(fixit_text())) + '\n'
    html = ('<div style="font-family: Arial, sans-serif; font-size: 14px;">' + html_paras(paras) + '</div>'
            '<div class="protonmail_signature_block" style="font-family: Arial, sans-serif; font-size: 14px;">Sent with <a href="https://proton.me/" target="_blank">Proton Mail</a> secure email.</div>'
            f'<div class="protonmail_quote">------- Original Message -------<br>{esc(at)}<br><br><blockquote class="protonmail_quote" type="cite">'
            + fixit_html_inner() + '</blockquote><br></div>')
    b = 'b1_' + hashlib.md5(name.encode()).hexdigest()[:40]
    if html_only:
        body = part('text/html', html + '\n', 'base64', 'utf-8')
    else:
        body = alternative(b, [part('text/plain', text, 'base64', 'utf-8'), part('text/html', html + '\n', 'base64', 'utf-8')])
    return head('Streets Team <streets.team@proton.me>', mid(name, 'proton.me'), 'Tue, 3 Mar 2026 20:00:00 +0000', []) + body
