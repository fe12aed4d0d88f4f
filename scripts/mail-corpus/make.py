# Building blocks of the reply corpus: what FixIt sent for report #1, and MIME helpers.
import base64, quopri, hashlib
from langs import LANGS

FIXIT = "noreply@fixit.example.org"
REPLY = "reply+h3kq7wd2mzxa4bpyc5nfe6gr@reply.fixit.test"
TOKEN = "Qm9vbGVhbkZpeEl0UmVzcG9uZFRva2VuMDEyMzQ1Njc"
BASE = "https://fixit.example.org"
SUBJECT = "[FixIt #1] Street lighting: Street light out on Park Row"
ACTIONS = [("Acknowledge", "acknowledge"), ("In progress", "in-progress"), ("Action scheduled", "action-scheduled"),
           ("Fixed", "fixed"), ("Not ours (give a reason; it will be re-routed)", "not-ours"), ("Add a public note", "note")]
MAP = "https://www.openstreetmap.org/?mlat=53.7997&mlon=-1.5492#map=18/53.7997/-1.5492"

def fixit_text():
    t = ["A resident has reported a problem for Demo City Council.", "",
         "Report #1: Street light out on Park Row", "Category: Street lighting", "Location: 53.7997, -1.5492",
         f"Map: {MAP}", f"Public page: {BASE}/reports/1", "",
         "The light outside number 12 has been out for a week.", "",
         "Answer with one of these links (each opens a page where you confirm):"]
    t += [f"  {l}: {BASE}/respond/{TOKEN}/{s}" for l, s in ACTIONS]
    t += ["", f"Or reply to this email ({REPLY}); your reply is published on the report page."]
    return t

def fixit_html_inner():
    h = ('<p>A resident has reported a problem for Demo City Council.</p>'
         '<h1 style="font-size:1.2em">Report #1: Street light out on Park Row</h1><table>'
         '<tr><th align="left">Category</th><td>Street lighting</td></tr>'
         f'<tr><th align="left">Location</th><td>53.7997, -1.5492 (<a href="{MAP.replace("&", "&amp;")}">map</a>)</td></tr>'
         f'<tr><th align="left">Public page</th><td><a href="{BASE}/reports/1">{BASE}/reports/1</a></td></tr></table>'
         '<p style="white-space:pre-wrap">The light outside number 12 has been out for a week.</p>'
         '<p>Answer with one of these links (each opens a page where you confirm):</p><ul>')
    h += ''.join(f'<li><a href="{BASE}/respond/{TOKEN}/{s}">{l}</a></li>' for l, s in ACTIONS)
    h += '</ul><p>Or reply to this email; your reply is published on the report page.</p>'
    return h

NOTICE = ["Hello Ada Resident,", "",
          'News about your report "Street light out on Park Row" (#1): Your report has been sent to Demo City Council.', "",
          f"See the report: {BASE}/reports/1", "",
          "Reply to this email to add your own update; your reply is shown on the report page, your address is not.", "",
          f"No more emails about this report: {BASE}/unsubscribe/VW5zdWJzY3JpYmVUb2tlbkZvckFkYVJlc2lkZW50MDE"]

def esc(s): return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def quoted(lines, mark="> "):
    return [(mark + l) if l else mark.rstrip() for l in lines]

def qp(text):
    return quopri.encodestring(text.encode('utf-8')).decode('ascii')

def b64(text, charset='utf-8'):
    data = base64.b64encode(text.encode(charset)).decode('ascii')
    return '\n'.join(data[i:i + 76] for i in range(0, len(data), 76))

def part(ctype, text, cte, charset='UTF-8', extra=''):
    if cte == 'quoted-printable':
        body = qp(text)
    elif cte == 'base64':
        body = b64(text)
    else:
        body = text
    return f'Content-Type: {ctype}; charset="{charset}"{extra}\nContent-Transfer-Encoding: {cte}\n\n{body}\n'

def alternative(boundary, parts):
    return f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n' + ''.join(f'--{boundary}\n{p}\n' for p in parts) + f'--{boundary}--\n'

def html_paras(paras):
    return ''.join('<div>' + '<br>'.join(esc(l) for l in p.split('\n')) + '</div><div><br></div>' for p in paras)

def attr(lang, kind):
    return LANGS[lang][kind].replace('{a}', FIXIT)

def wrap76(line):
    if len(line) <= 76: return [line]
    cut = line.rfind(' ', 0, 76)
    return [line[:cut], line[cut + 1:]] if cut > 0 else [line]

def header_block_plain(lang, star=False):
    f, s, t, j = LANGS[lang]['labels']
    b = (lambda x: f'*{x.strip()}:*' if star else f'{x}:')
    return [f"{b(f)} FixIt <{FIXIT}>", f"{b(s)} {LANGS[lang]['date']}", f"{b(t)} Street Lighting <lighting@council.example.org>", f"{b(j)} {SUBJECT}"]

def header_block_html(lang):
    f, s, t, j = LANGS[lang]['labels']
    return (f'<b>{esc(f)}:</b> FixIt &lt;{FIXIT}&gt;<br><b>{esc(s)}:</b> {esc(LANGS[lang]["date"])}<br>'
            f'<b>{esc(t)}:</b> Street Lighting &lt;lighting@council.example.org&gt;<br><b>{esc(j)}:</b> {esc(SUBJECT)}')

def head(frm, msgid, date, extra, subject="Re: " + SUBJECT, to=f"FixIt <{REPLY}>"):
    h = [f"From: {frm}", f"To: {to}", f"Subject: {subject}", f"Date: {date}", f"Message-ID: <{msgid}>",
         "In-Reply-To: <fixit-1-operator@fixit.example.org>", "References: <fixit-1-operator@fixit.example.org>", "MIME-Version: 1.0"]
    return '\n'.join(h + extra) + '\n'

def enc_subject(s):
    if all(ord(c) < 128 for c in s): return s
    return '=?UTF-8?B?' + base64.b64encode(s.encode()).decode() + '?='
