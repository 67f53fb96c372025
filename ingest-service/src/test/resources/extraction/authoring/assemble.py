#!/usr/bin/env python3
"""Assembles the extraction evaluation pages from hand-written specs.

Each spec (specs/*.txt) holds one article: its header (site, URL, title, author, the date signals the page
carries, and the gold publication date) and its body in a small line format. A layout function renders it the
way one kind of CMS would, with the page furniture that kind of site carries (navigation, share bars, inline ads,
related stories, newsletter and cookie boxes, comments, captions with credits, sidebars, footers). The gold text
is the article's own prose: the standfirst and the body's paragraphs, subheadings, quotes and list items; never
the headline, byline, date lines, captions or any furniture.

Body lines (blank line = paragraph break):
  text                 a paragraph
  ## text              a subheading
  > text               a block quote
  - text               a list item (consecutive items form one list)
  !ad                  an inline advertisement slot
  !related             an inline box of links to other stories
  !readmore Headline   a "Read more:" link paragraph
  !newsletter          an inline newsletter sign-up box
  !figure caption|credit   an image with caption and credit
  !tweet text          an embedded social post
  !video title|0:00    an embedded video player with its title and length
  !entry HH:MM         starts a live-blog entry (live layout only)
  !html raw            raw HTML, not gold

Run:  python3 assemble.py [specs...]   (writes ../pages/*.html, *.txt and manifest.json)
"""
import html
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'pages')

UI = {
    'en': dict(nav=['Home', 'World', 'Politics', 'Business', 'Tech', 'Science', 'Sport', 'Opinion', 'Culture'],
               share='Share', tw='Twitter', fb='Facebook', mail='Email', print='Print', copy='Copy link',
               related='Related stories', more='More from', newsletter='Get the morning briefing in your inbox',
               nl_btn='Sign up', nl_small='By signing up you agree to our Terms of Use and Privacy Policy.',
               cookie='We use cookies to personalise content and ads, and to analyse our traffic.', accept='Accept all cookies',
               settings='Cookie settings', comments='Comments', readmore='Read more:', ad='Advertisement',
               popular='Most read', published='Published', updated='Updated', by='By', tags='Topics',
               subscribe='Subscribe', login='Sign in', rights='All rights reserved.', reply='Reply', skip='Skip to main content'),
    'de': dict(nav=['Startseite', 'Politik', 'Wirtschaft', 'Panorama', 'Sport', 'Kultur', 'Wissen', 'Meinung'],
               share='Teilen', tw='Twitter', fb='Facebook', mail='E-Mail', print='Drucken', copy='Link kopieren',
               related='Mehr zum Thema', more='Weitere Artikel', newsletter='Der Newsletter am Morgen: jetzt abonnieren',
               nl_btn='Abonnieren', nl_small='Mit der Anmeldung akzeptieren Sie unsere Datenschutzerklärung.',
               cookie='Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren.', accept='Alle akzeptieren',
               settings='Einstellungen', comments='Kommentare', readmore='Lesen Sie auch:', ad='Anzeige',
               popular='Meistgelesen', published='Veröffentlicht', updated='Aktualisiert', by='Von', tags='Themen',
               subscribe='Abo', login='Anmelden', rights='Alle Rechte vorbehalten.', reply='Antworten', skip='Zum Inhalt springen'),
    'fr': dict(nav=['Accueil', 'International', 'Politique', 'Économie', 'Société', 'Sport', 'Culture', 'Idées'],
               share='Partager', tw='Twitter', fb='Facebook', mail='E-mail', print='Imprimer', copy='Copier le lien',
               related='Sur le même sujet', more='Les plus lus', newsletter='Recevez notre newsletter du matin',
               nl_btn="S'inscrire", nl_small='En vous inscrivant, vous acceptez notre politique de confidentialité.',
               cookie='Nous utilisons des cookies pour améliorer votre expérience.', accept='Tout accepter',
               settings='Paramétrer', comments='Commentaires', readmore='Lire aussi :', ad='Publicité',
               popular='Les plus lus', published='Publié le', updated='Mis à jour le', by='Par', tags='Mots-clés',
               subscribe="S'abonner", login='Se connecter', rights='Tous droits réservés.', reply='Répondre', skip='Aller au contenu'),
    'es': dict(nav=['Portada', 'Internacional', 'España', 'Economía', 'Sociedad', 'Deportes', 'Cultura', 'Opinión'],
               share='Compartir', tw='Twitter', fb='Facebook', mail='Correo', print='Imprimir', copy='Copiar enlace',
               related='Noticias relacionadas', more='Lo más leído', newsletter='Recibe nuestro boletín cada mañana',
               nl_btn='Suscríbete', nl_small='Al suscribirte aceptas nuestra política de privacidad.',
               cookie='Utilizamos cookies propias y de terceros para mejorar nuestros servicios.', accept='Aceptar',
               settings='Configurar', comments='Comentarios', readmore='Lea también:', ad='Publicidad',
               popular='Lo más leído', published='Publicado', updated='Actualizado', by='Por', tags='Temas',
               subscribe='Suscríbete', login='Iniciar sesión', rights='Todos los derechos reservados.', reply='Responder',
               skip='Ir al contenido'),
    'ru': dict(nav=['Главная', 'Политика', 'Экономика', 'Общество', 'Спорт', 'Культура', 'Наука'],
               share='Поделиться', tw='Telegram', fb='VK', mail='Почта', print='Печать', copy='Скопировать ссылку',
               related='Читайте также', more='Другие новости', newsletter='Подпишитесь на нашу рассылку',
               nl_btn='Подписаться', nl_small='Нажимая кнопку, вы соглашаетесь с политикой конфиденциальности.',
               cookie='Мы используем файлы cookie для улучшения работы сайта.', accept='Принять', settings='Настройки',
               comments='Комментарии', readmore='Читайте также:', ad='Реклама', popular='Самое читаемое',
               published='Опубликовано', updated='Обновлено', by='Автор:', tags='Теги', subscribe='Подписка',
               login='Войти', rights='Все права защищены.', reply='Ответить', skip='Перейти к содержанию'),
    'it': dict(nav=['Home', 'Cronaca', 'Politica', 'Economia', 'Esteri', 'Sport', 'Cultura'],
               share='Condividi', tw='Twitter', fb='Facebook', mail='Email', print='Stampa', copy='Copia link',
               related='Leggi anche', more='Più letti', newsletter='Iscriviti alla nostra newsletter',
               nl_btn='Iscriviti', nl_small='Iscrivendoti accetti la nostra informativa sulla privacy.',
               cookie='Questo sito utilizza cookie per migliorare la tua esperienza.', accept='Accetta',
               settings='Impostazioni', comments='Commenti', readmore='Leggi anche:', ad='Pubblicità',
               popular='I più letti', published='Pubblicato il', updated='Aggiornato il', by='di', tags='Argomenti',
               subscribe='Abbonati', login='Accedi', rights='Tutti i diritti riservati.', reply='Rispondi', skip='Vai al contenuto'),
    'pt': dict(nav=['Início', 'Brasil', 'Mundo', 'Economia', 'Esportes', 'Cultura', 'Opinião'],
               share='Compartilhar', tw='Twitter', fb='Facebook', mail='E-mail', print='Imprimir', copy='Copiar link',
               related='Leia também', more='Mais lidas', newsletter='Receba a nossa newsletter',
               nl_btn='Assinar', nl_small='Ao se inscrever, você concorda com a nossa política de privacidade.',
               cookie='Usamos cookies para melhorar a sua experiência.', accept='Aceitar', settings='Configurações',
               comments='Comentários', readmore='Leia também:', ad='Publicidade', popular='Mais lidas',
               published='Publicado em', updated='Atualizado em', by='Por', tags='Tópicos', subscribe='Assine',
               login='Entrar', rights='Todos os direitos reservados.', reply='Responder', skip='Ir para o conteúdo'),
    'nl': dict(nav=['Home', 'Binnenland', 'Buitenland', 'Economie', 'Sport', 'Cultuur', 'Opinie'],
               share='Delen', tw='Twitter', fb='Facebook', mail='E-mail', print='Afdrukken', copy='Link kopiëren',
               related='Lees ook', more='Meest gelezen', newsletter='Ontvang onze nieuwsbrief',
               nl_btn='Aanmelden', nl_small='Door je aan te melden ga je akkoord met ons privacybeleid.',
               cookie='Wij gebruiken cookies om de site te verbeteren.', accept='Accepteren', settings='Instellingen',
               comments='Reacties', readmore='Lees ook:', ad='Advertentie', popular='Meest gelezen',
               published='Gepubliceerd', updated='Bijgewerkt', by='Door', tags="Onderwerpen", subscribe='Abonneren',
               login='Inloggen', rights='Alle rechten voorbehouden.', reply='Reageren', skip='Naar de inhoud'),
}

OTHER_HEADLINES = {
    'en': ['Storm knocks out power to thousands across the valley', 'Why mortgage rates are not falling yet',
           'Five takeaways from the budget hearing', 'School board delays vote on new calendar',
           'Museum reopens its west wing after two-year renovation', 'Local bakery wins national award',
           'Police release footage from highway pursuit', 'Opinion: The transit plan needs a rethink',
           'Analysts expect slower growth in the second half', 'How to watch the meteor shower this week'],
    'de': ['Bahnstreik: Was Pendler jetzt wissen müssen', 'Kommentar: Die Reform kommt zu spät',
           'Hitzewelle erreicht den Süden', 'Neue Radwege sollen bis Herbst fertig sein', 'Dax schließt im Minus'],
    'fr': ['Grève : le trafic perturbé lundi', 'Le gouvernement présente son plan climat',
           'Ce qu’il faut retenir du conseil des ministres', 'Météo : un week-end sous la pluie', 'La Bourse de Paris recule'],
    'es': ['El Gobierno aprueba el nuevo plan de vivienda', 'La ola de calor se prolonga hasta el domingo',
           'Cinco claves del debate de este martes', 'El precio de la luz baja por tercer día', 'Así será el nuevo metro'],
    'ru': ['Курс рубля снизился на открытии торгов', 'В Подмосковье ожидается сильный ветер',
           'Названы самые популярные профессии года', 'Минфин предложил изменить налоговые льготы'],
    'it': ['Sciopero dei treni, le fasce garantite', 'Meteo, arriva il caldo africano', 'Borsa, Milano chiude in rialzo',
           'Scuola, le date della maturità'],
    'pt': ['Inflação desacelera pelo terceiro mês', 'Frente fria chega ao Sul nesta semana', 'Veja os resultados da rodada',
           'Governo anuncia novo programa de crédito'],
    'nl': ['Kabinet presenteert nieuwe woningplannen', 'Storm zorgt voor vertragingen op het spoor',
           'Vijf vragen over de nieuwe pensioenregels', 'Ajax wint ruim van PSV'],
}

COMMENTS = {
    'en': ['This is exactly what I expected, honestly. Nobody listened for years.', 'Great reporting, thank you.',
           'Does anyone know whether the meeting will be streamed online?', 'I disagree with the premise of this article entirely.'],
    'de': ['Endlich passiert etwas, das hätte man schon vor Jahren machen müssen.', 'Danke für den guten Artikel.'],
    'fr': ['Enfin une bonne nouvelle, il était temps.', 'Merci pour cet article très clair.'],
    'es': ['Ya era hora de que alguien hiciera algo.', 'Muy buen artículo, gracias.'],
    'ru': ['Давно пора было это сделать.', 'Спасибо за подробный материал.'],
    'it': ['Era ora, finalmente una buona notizia.', 'Ottimo articolo, grazie.'],
    'pt': ['Já estava na hora de alguém fazer alguma coisa.', 'Ótima reportagem, obrigado.'],
    'nl': ['Eindelijk gebeurt er iets, dat werd tijd.', 'Goed artikel, dank je wel.'],
}


def esc(s):
    return html.escape(s, quote=True)


# --------------------------------------------------------------------------- parsing specs

def parse_spec(path):
    text = open(path, encoding='utf-8').read()
    head, body = text.split('\n---\n', 1)
    spec = {'signals': [], 'file': os.path.basename(path)}
    for line in head.splitlines():
        if not line.strip() or line.startswith('#'):
            continue
        key, _, value = line.partition(':')
        key = key.strip()
        value = value.strip()
        if key == 'signal':
            spec['signals'].append(value)
        else:
            spec[key] = value
    items = []
    for raw in re.split(r'\n\s*\n', body.strip()):
        lines = [l.rstrip() for l in raw.strip().splitlines()]
        if not lines:
            continue
        if all(l.startswith('- ') for l in lines):
            items.append(('list', [l[2:] for l in lines]))
            continue
        for l in lines if lines[0].startswith('!') else [' '.join(lines)]:
            if l.startswith('## '):
                items.append(('h2', l[3:]))
            elif l.startswith('> '):
                items.append(('quote', l[2:]))
            elif l.startswith('!'):
                name, _, arg = l[1:].partition(' ')
                items.append(('!' + name, arg))
            else:
                items.append(('p', l))
    spec['items'] = items
    return spec


def gold_text(spec):
    parts = []
    if spec.get('dek'):
        parts.append(spec['dek'])
    items = spec['items']
    if spec['layout'] in LIVE_LAYOUTS:
        # live pages show the newest entry first: the gold follows the page
        entries, cur, intro = [], None, []
        for k, v in items:
            if k == '!entry':
                cur = [(k, v)]
                entries.append(cur)
            elif cur is None:
                intro.append((k, v))
            else:
                cur.append((k, v))
        items = intro + [i for e in reversed(entries) for i in e]
    for kind, val in items:
        if kind in ('p', 'h2', 'quote'):
            parts.append(val)
        elif kind == 'list':
            parts.extend(val)
    return '\n\n'.join(parts) + '\n'


def signals(spec):
    """signal lines: 'meta NAME=VALUE', 'jsonld TYPE key=value ...' (+ graph/array flags),
    'time_pub ISO|Text', 'time_upd ISO|Text', 'dateline Text', 'itemprop_pub ISO|Text'."""
    out = {'meta': [], 'jsonld': [], 'time_pub': None, 'time_upd': None, 'dateline': [], 'itemprop_pub': None}
    for s in spec['signals']:
        kind, _, rest = s.partition(' ')
        if kind == 'meta':
            name, _, value = rest.partition('=')
            out['meta'].append((name.strip(), value.strip()))
        elif kind == 'jsonld':
            toks = rest.split()
            obj = {'@type': toks[0]}
            flags = set()
            for t in toks[1:]:
                if '=' in t:
                    k, _, v = t.partition('=')
                    obj[k] = v
                else:
                    flags.add(t)
            out['jsonld'].append((obj, flags))
        elif kind in ('time_pub', 'time_upd', 'itemprop_pub'):
            iso, _, shown = rest.partition('|')
            out[kind] = (iso.strip(), shown.strip())
        elif kind == 'dateline':
            out['dateline'].append(rest.strip())
    return out


def head_html(spec, sig, extra=''):
    lang = spec['lang']
    metas = [f'<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f'<title>{esc(spec["title"])} | {esc(spec["site"])}</title>',
             f'<meta property="og:title" content="{esc(spec["title"])}">',
             f'<meta property="og:site_name" content="{esc(spec["site"])}">',
             f'<meta property="og:type" content="article">',
             f'<meta name="description" content="{esc(spec.get("dek") or spec["title"])}">']
    if spec.get('canonical', 'yes') != 'no':
        metas.append(f'<link rel="canonical" href="{esc(spec["url"])}">')
        metas.append(f'<meta property="og:url" content="{esc(spec["url"])}">')
    if spec.get('author') and spec.get('meta_author', 'yes') == 'yes':
        metas.append(f'<meta name="author" content="{esc(spec["author"])}">')
    for name, value in sig['meta']:
        attr = 'property' if name.startswith(('og:', 'article:')) else 'name'
        metas.append(f'<meta {attr}="{esc(name)}" content="{esc(value)}">')
    for obj, flags in sig['jsonld']:
        o = dict(obj)
        if o['@type'] in ('NewsArticle', 'ReportageNewsArticle', 'Article', 'BlogPosting', 'LiveBlogPosting'):
            o.setdefault('headline', spec['title'])
            o.setdefault('mainEntityOfPage', spec['url'])
            if spec.get('author'):
                o.setdefault('author', [{'@type': 'Person', 'name': spec['author']}] if 'array' in flags
                             else {'@type': 'Person', 'name': spec['author']})
            o.setdefault('publisher', {'@type': 'Organization', 'name': spec['site'],
                                       'logo': {'@type': 'ImageObject', 'url': 'https://cdn.example/logo.png'}})
        o = {'@context': 'https://schema.org', **o}
        if 'graph' in flags:
            del o['@context']
            data = {'@context': 'https://schema.org', '@graph': [
                {'@type': 'WebSite', '@id': spec['url'].split('/')[0] + '//' + spec['url'].split('/')[2] + '/#website',
                 'name': spec['site']},
                {'@type': 'WebPage', '@id': spec['url'], 'name': spec['title'],
                 'datePublished': o.get('datePublished', ''), 'dateModified': o.get('dateModified', '')}
                if 'webpage' in flags else {'@type': 'ImageObject', 'url': 'https://cdn.example/lead.jpg'},
                o,
                {'@type': 'BreadcrumbList', 'itemListElement': [{'@type': 'ListItem', 'position': 1, 'name': 'Home'}]}]}
        elif 'array' in flags:
            data = [o, {'@context': 'https://schema.org', '@type': 'BreadcrumbList',
                        'itemListElement': [{'@type': 'ListItem', 'position': 1, 'name': 'News'}]}]
        else:
            data = o
        text = json.dumps(data, ensure_ascii=False, indent=1 if 'pretty' in flags else None)
        if 'trailing-comma' in flags:
            text = text[:-1] + ',}' if text.endswith('}') else text
        metas.append(f'<script type="application/ld+json">{text}</script>')
    metas.append('<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXX"></script>')
    metas.append('<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}'
                 'gtag("js",new Date());gtag("config","G-XXXX");var paywallConfig={"meter":3,"message":"You have read '
                 'all your free articles this month"};</script>')
    metas.append('<style>.ad-slot{min-height:250px}.visually-hidden{position:absolute;clip:rect(0 0 0 0)}</style>')
    return f'<!DOCTYPE html>\n<html lang="{spec.get("html_lang", lang)}">\n<head>\n' + '\n'.join(metas) + extra + '\n</head>\n'


# --------------------------------------------------------------------------- shared furniture

def nav_html(spec, rnd, cls='site-nav'):
    ui = UI[spec['lang']]
    items = ''.join(f'<li><a href="/{i.lower()}/">{esc(i)}</a></li>' for i in ui['nav'])
    return (f'<a class="skip-link" href="#main">{esc(ui["skip"])}</a>\n<header class="site-header"><div class="logo">'
            f'<a href="/">{esc(spec["site"])}</a></div><nav class="{cls}"><ul>{items}</ul></nav>'
            f'<div class="account"><a href="/subscribe">{esc(ui["subscribe"])}</a> <a href="/login">{esc(ui["login"])}</a>'
            f'</div></header>\n')


def cookie_html(spec, style):
    ui = UI[spec['lang']]
    if style == 'onetrust':
        return (f'<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk"><p id="onetrust-policy-text">{esc(ui["cookie"])} '
                f'<a href="/privacy">{esc(ui["settings"])}</a></p><button id="onetrust-accept-btn-handler">{esc(ui["accept"])}'
                f'</button></div></div>\n')
    return (f'<div class="cookie-notice" role="dialog"><p>{esc(ui["cookie"])}</p><button>{esc(ui["accept"])}</button>'
            f'<a href="/cookies">{esc(ui["settings"])}</a></div>\n')


def share_html(spec, cls='share-bar'):
    ui = UI[spec['lang']]
    return (f'<div class="{cls}"><span>{esc(ui["share"])}</span><a href="#">{esc(ui["fb"])}</a><a href="#">{esc(ui["tw"])}</a>'
            f'<a href="#">{esc(ui["mail"])}</a><a href="#">{esc(ui["print"])}</a><button>{esc(ui["copy"])}</button></div>\n')


def related_html(spec, rnd, cls='related-stories', n=4):
    ui = UI[spec['lang']]
    heads = rnd.sample(OTHER_HEADLINES[spec['lang']], min(n, len(OTHER_HEADLINES[spec['lang']])))
    items = ''.join(f'<li><a href="/news/{i}"><span class="headline">{esc(h)}</span></a>'
                    f'<time datetime="2022-1{i % 2}-0{i + 1}T08:00:00Z">{i + 2}h</time></li>' for i, h in enumerate(heads))
    return f'<section class="{cls}"><h3>{esc(ui["related"])}</h3><ul>{items}</ul></section>\n'


def newsletter_html(spec, cls='newsletter-signup'):
    ui = UI[spec['lang']]
    return (f'<div class="{cls}"><h4>{esc(ui["newsletter"])}</h4><form><input type="email" placeholder="you@example.com">'
            f'<button>{esc(ui["nl_btn"])}</button></form><p class="small">{esc(ui["nl_small"])}</p></div>\n')


def comments_html(spec, rnd):
    ui = UI[spec['lang']]
    cs = COMMENTS[spec['lang']]
    items = ''.join(f'<li class="comment"><div class="comment-author">reader{rnd.randint(10, 999)}</div>'
                    f'<div class="comment-date">2 days ago</div><p>{esc(c)}</p><a class="reply" href="#">{esc(ui["reply"])}</a></li>'
                    for c in cs)
    return f'<section id="comments" class="comments-area"><h2>{len(cs)} {esc(ui["comments"])}</h2><ol class="comment-list">{items}</ol></section>\n'


def footer_html(spec):
    ui = UI[spec['lang']]
    links = ''.join(f'<a href="/{x.lower()}">{esc(x)}</a> ' for x in ui['nav'][:5])
    return (f'<footer class="site-footer"><div class="footer-links">{links}</div><p>© 2023 {esc(spec["site"])}. '
            f'{esc(ui["rights"])}</p></footer>\n')


def popular_html(spec, rnd, cls='most-read'):
    ui = UI[spec['lang']]
    heads = rnd.sample(OTHER_HEADLINES[spec['lang']], min(4, len(OTHER_HEADLINES[spec['lang']])))
    items = ''.join(f'<li><a href="/p/{i}">{esc(h)}</a></li>' for i, h in enumerate(heads))
    return f'<div class="{cls}"><h3>{esc(ui["popular"])}</h3><ol>{items}</ol></div>\n'


def inline_item(kind, val, spec, rnd, style):
    """Renders a body item; `style` selects the CMS's markup conventions."""
    ui = UI[spec['lang']]
    pcls = style.get('p_class')
    pattr = f' class="{pcls}"' if pcls else ''
    if kind == 'p':
        ptag = style.get('p_tag', 'p')
        text = esc(val)
        # an inline link inside some paragraphs, as real articles have
        words = text.split(' ')
        if len(words) > 12 and rnd.random() < 0.4:
            i = rnd.randint(2, len(words) - 5)
            words[i] = f'<a href="/topic/{rnd.randint(1, 99)}">{words[i]}'
            words[i + 2] = words[i + 2] + '</a>'
            text = ' '.join(words)
        return f'<{ptag}{pattr}>{text}</{ptag}>\n'
    if kind == 'h2':
        return f'<h2{" class=" + chr(34) + style["h2_class"] + chr(34) if style.get("h2_class") else ""}>{esc(val)}</h2>\n'
    if kind == 'quote':
        return f'<blockquote><p>{esc(val)}</p></blockquote>\n'
    if kind == 'list':
        return '<ul>' + ''.join(f'<li>{esc(v)}</li>' for v in val) + '</ul>\n'
    if kind == '!ad':
        return style.get('ad', f'<div class="ad-slot"><span class="ad-label">{esc(ui["ad"])}</span><div id="div-gpt-ad-{rnd.randint(100, 999)}"></div></div>\n')
    if kind == '!related':
        return related_html(spec, rnd, style.get('related_class', 'inline-related'), 3)
    if kind == '!readmore':
        return f'<p{pattr}><strong>{esc(ui["readmore"])}</strong> <a href="/story/{rnd.randint(1000, 9999)}">{esc(val)}</a></p>\n'
    if kind == '!newsletter':
        return newsletter_html(spec, style.get('newsletter_class', 'newsletter-signup'))
    if kind == '!figure':
        cap, _, credit = val.partition('|')
        return (f'<figure class="{style.get("figure_class", "wp-block-image")}"><img src="/img/{rnd.randint(1, 999)}.jpg" alt="">'
                f'<figcaption>{esc(cap)} <span class="credit">{esc(credit)}</span></figcaption></figure>\n')
    if kind == '!tweet':
        return (f'<blockquote class="twitter-tweet"><p lang="{spec["lang"]}">{esc(val)}</p>— City Desk (@citydesk) '
                f'<a href="https://twitter.com/citydesk/status/1">March 3, 2021</a></blockquote>\n')
    if kind == '!video':
        title, _, length = val.partition('|')
        return (f'<div class="video-player"><div class="video-title">{esc(title)}</div><span class="duration">{esc(length)}</span>'
                f'<button>Play</button></div>\n')
    if kind == '!html':
        return val + '\n'
    return ''


def body_html(spec, rnd, style):
    return ''.join(inline_item(k, v, spec, rnd, style) for k, v in spec['items'] if k != '!entry')


def byline_bits(spec, sig):
    ui = UI[spec['lang']]
    bits = []
    if spec.get('author') and spec.get('visible_author', 'yes') == 'yes':
        bits.append(f'<span class="byline">{esc(ui["by"])} <a rel="author" href="/author/x">{esc(spec["author"])}</a></span>')
    if sig['time_pub']:
        iso, shown = sig['time_pub']
        attr = f' datetime="{esc(iso)}"' if iso else ''
        bits.append(f'<time class="published"{attr}>{esc(shown)}</time>')
    if sig['itemprop_pub']:
        iso, shown = sig['itemprop_pub']
        bits.append(f'<span itemprop="datePublished" content="{esc(iso)}">{esc(shown)}</span>')
    if sig['time_upd']:
        iso, shown = sig['time_upd']
        bits.append(f'<span class="updated-label">{esc(ui["updated"])}</span> <time datetime="{esc(iso)}">{esc(shown)}</time>')
    for d in sig['dateline']:
        bits.append(f'<div class="article-date">{esc(d)}</div>')
    return bits


# --------------------------------------------------------------------------- layouts

def layout_wordpress(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    bits = byline_bits(spec, sig)
    dek = f'<p class="entry-summary">{esc(spec["dek"])}</p>' if spec.get('dek') else ''
    body = body_html(spec, rnd, {'figure_class': 'wp-block-image size-large', 'related_class': 'wp-block-related'})
    tags = ''.join(f'<a href="/tag/{t}" rel="tag">{t}</a>' for t in ['news', 'local', 'politics'][:rnd.randint(1, 3)])
    return (head_html(spec, sig) + f'<body class="post-template-default single single-post postid-{rnd.randint(1000, 9999)} has-sidebar">\n'
            + cookie_html(spec, 'plain') + '<div id="page" class="site">' + nav_html(spec, rnd, 'main-navigation')
            + '<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
            + f'<article id="post-1" class="post-1 post type-post status-publish format-standard hentry">'
            + f'<header class="entry-header"><h1 class="entry-title">{esc(spec["title"])}</h1>'
            + f'<div class="entry-meta">{" ".join(bits)}</div>{dek}</header>'
            + f'<div class="entry-content">\n{body}'
            + f'<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">{esc(ui["share"])}:</h3><ul><li><a>{esc(ui["tw"])}</a></li>'
            + f'<li><a>{esc(ui["fb"])}</a></li></ul></div>'
            + f'<div id="jp-relatedposts" class="jp-relatedposts"><h3>{esc(ui["related"])}</h3>'
            + related_html(spec, rnd, 'jp-relatedposts-items', 3) + '</div></div>'
            + f'<footer class="entry-footer"><span class="tags-links">{esc(ui["tags"])}: {tags}</span></footer></article>'
            + comments_html(spec, rnd) + '</main></div>'
            + f'<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">'
            + popular_html(spec, rnd, 'recent-posts') + '</section>' + newsletter_html(spec, 'widget widget_newsletter')
            + '</aside></div>' + footer_html(spec) + '</div>\n</body>\n</html>\n')


def layout_arc(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    bits = byline_bits(spec, sig)
    style = {'p_class': 'c-paragraph', 'h2_class': 'c-heading', 'figure_class': 'c-media-item',
             'ad': f'<div class="arc-ad b-ad-container"><p class="ad-label">{esc(ui["ad"])}</p><div id="arcad_{rnd.randint(1, 99)}"></div></div>\n'}
    body = body_html(spec, rnd, style)
    dek = f'<h2 class="b-subheadline">{esc(spec["dek"])}</h2>' if spec.get('dek') else ''
    return (head_html(spec, sig) + '<body><div id="fusion-app" class="layout-section">' + cookie_html(spec, 'onetrust')
            + nav_html(spec, rnd, 'c-nav') + '<div class="b-top-table-list">' + popular_html(spec, rnd, 'trending-bar') + '</div>'
            + '<main class="b-article-body-layout"><div class="b-header-block">'
            + f'<div class="c-overline"><a href="/section">{esc(ui["nav"][2])}</a></div>'
            + f'<h1 class="b-headline c-heading">{esc(spec["title"])}</h1>{dek}'
            + f'<div class="b-byline c-attribution">{" ".join(bits)}</div>' + share_html(spec, 'b-share-bar') + '</div>'
            + '<div class="b-lead-art">' + (inline_item('!figure', spec.get('lead_figure', ''), spec, rnd, style) if spec.get('lead_figure') else '') + '</div>'
            + f'<article class="b-article-body default__ArticleBody-xb1qmn-2">\n{body}</article>'
            + f'<div class="b-author-bio"><p>{esc(spec.get("author", "Staff"))} covers city hall and regional politics. '
            + 'Reach her at newsroom@example.com.</p></div>' + share_html(spec, 'b-share-bar bottom')
            + '</main><div class="b-right-rail">' + related_html(spec, rnd, 'b-top-table-list right-rail', 4)
            + newsletter_html(spec, 'b-newsletter-module') + '</div>' + footer_html(spec) + '</div>\n</body>\n</html>\n')


def layout_legacy(spec, rnd):
    """An older custom CMS: tables, <br><br> paragraphs, font tags, no semantic elements."""
    sig = signals(spec)
    ui = UI[spec['lang']]
    nav = ' | '.join(f'<a href="/{x.lower()}.html"><font color="#ffffff">{esc(x)}</font></a>' for x in ui['nav'])
    paras = []
    for k, v in spec['items']:
        if k == 'p':
            paras.append(esc(v))
        elif k == 'h2':
            paras.append(f'<b>{esc(v)}</b>')
        elif k == 'quote':
            paras.append(f'<i>{esc(v)}</i>')
        elif k == 'list':
            paras.append('<br>'.join('&middot; ' + esc(x) for x in v))
        elif k == '!ad':
            paras.append(f'<table class="werbung" width="300"><tr><td><font size="1">{esc(ui["ad"])}</font><br>'
                         f'<img src="/banner{rnd.randint(1, 9)}.gif"></td></tr></table>')
        elif k == '!readmore':
            paras.append(f'<b>{esc(ui["readmore"])}</b> <a href="/a{rnd.randint(1, 999)}.html">{esc(v)}</a>')
        elif k == '!figure':
            cap, _, credit = v.partition('|')
            paras.append(f'<img src="/bild.jpg"><br><font size="1" class="bildunterschrift">{esc(cap)} {esc(credit)}</font>')
        elif k == '!html':
            paras.append(v)
    dates = ''.join(f'<font size="1" class="datum">{esc(d)}</font><br>' for d in sig['dateline'])
    author = f'<font size="1">{esc(ui["by"])} {esc(spec["author"])}</font><br>' if spec.get('author') else ''
    dek = f'<b>{esc(spec["dek"])}</b><br><br>' if spec.get('dek') else ''
    return (head_html(spec, sig) + '<body bgcolor="#ffffff" topmargin="0">\n'
            + f'<table width="980" cellpadding="0" cellspacing="0"><tr><td bgcolor="#003366" colspan="2"><font size="5" color="#ffffff">'
            + f'{esc(spec["site"])}</font><br>{nav}</td></tr>\n<tr><td width="180" valign="top" class="leftcol">'
            + ''.join(f'<a href="/r{i}.html">{esc(h)}</a><br><br>' for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:4]))
            + f'<br><font size="1">{esc(ui["ad"])}</font><br><img src="/sky.gif"></td>\n<td valign="top" width="800">'
            + f'<font face="Arial" size="2"><span class="ueberschrift"><font size="4"><b>{esc(spec["title"])}</b></font></span><br>'
            + f'{dates}{author}<br>\n<div id="artikeltext">{dek}' + '<br><br>\n'.join(paras) + '</div><br><br>'
            + f'<a href="javascript:window.print()">{esc(ui["print"])}</a> | <a href="mailto:?">{esc(ui["mail"])}</a><br><br>'
            + f'<font size="1">© 2023 {esc(spec["site"])} – {esc(ui["rights"])}</font></font></td></tr></table>\n</body>\n</html>\n')


def layout_live(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    bits = byline_bits(spec, sig)
    entries = []
    cur = None
    intro = []
    for k, v in spec['items']:
        if k == '!entry':
            cur = {'time': v, 'items': []}
            entries.append(cur)
        elif cur is None:
            intro.append((k, v))
        else:
            cur['items'].append((k, v))
    style = {'p_class': None}
    intro_html = ''.join(inline_item(k, v, spec, rnd, style) for k, v in intro)
    date = spec.get('entry_date', '2023-04-16')
    ents = ''
    for i, e in enumerate(reversed(entries)):
        inner = ''.join(inline_item(k, v, spec, rnd, style) for k, v in e['items'])
        ents += (f'<article class="live-entry" id="entry-{i}"><header class="entry-meta"><time datetime="{date}T{e["time"]}:00Z">'
                 f'{esc(e["time"])}</time></header><div class="entry-body">{inner}</div>'
                 + share_html(spec, 'entry-share') + '</article>\n')
    key = ''.join(f'<li><a href="#entry-{i}">{esc(e["time"])} {esc(next((v for k, v in e["items"] if k == "h2"), "Update"))}</a></li>'
                  for i, e in enumerate(entries))
    dek = f'<div class="standfirst"><p>{esc(spec["dek"])}</p></div>' if spec.get('dek') else ''
    return (head_html(spec, sig) + '<body class="liveblog">' + cookie_html(spec, 'plain') + nav_html(spec, rnd)
            + '<main id="main"><div class="live-header"><span class="live-badge">LIVE</span>'
            + f'<h1>{esc(spec["title"])}</h1>{dek}<div class="meta">{" ".join(bits)}</div></div>'
            + f'<div class="live-layout"><aside class="key-events"><h2>Key events</h2><ul>{key}</ul></aside>'
            + f'<div class="live-intro">{intro_html}</div><div class="live-feed">{ents}</div>'
            + '<button class="load-more">Load more updates</button></div></main>'
            + related_html(spec, rnd, 'onward-journeys', 4) + footer_html(spec) + '\n</body>\n</html>\n')


def layout_nextjs(spec, rnd):
    """A React/Next.js magazine: hashed class names, data-testid hooks, Advertisement labels, pull quotes."""
    sig = signals(spec)
    ui = UI[spec['lang']]
    bits = byline_bits(spec, sig)

    def h():
        return 'css-' + ''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz0123456789') for _ in range(6))
    style = {'p_class': h(), 'figure_class': h(),
             'ad': f'<div class="{h()}" data-testid="ad-slot"><p class="{h()}">{esc(ui["ad"])}</p>'
                   f'<p class="{h()}">SKIP ADVERTISEMENT</p></div>\n',
             'related_class': h() + '" data-testid="inline-recirculation'}
    parts = []
    items = spec['items']
    for idx, (k, v) in enumerate(items):
        parts.append(inline_item(k, v, spec, rnd, style))
        if k == 'p' and idx == 2 and spec.get('pullquote') == 'yes':
            parts.append(f'<aside class="{h()}" data-testid="pullquote"><p>{esc(v[:90])}</p></aside>\n')
    body = ''.join(parts)
    groups = body.split('\n')
    # the body split into story blocks, as these sites do
    third = max(1, len(groups) // 3)
    blocks = ''.join(f'<div class="{h()} StoryBodyCompanionColumn"><div class="{h()}">' + '\n'.join(groups[i:i + third])
                     + '</div></div>\n' for i in range(0, len(groups), third))
    dek = f'<p class="{h()}" id="article-summary">{esc(spec["dek"])}</p>' if spec.get('dek') else ''
    return (head_html(spec, sig) + f'<body><div id="__next"><div class="{h()}">' + nav_html(spec, rnd, h())
            + f'<main id="site-content"><article id="story" class="{h()}"><header class="{h()}">'
            + f'<h1 data-testid="headline" class="{h()}">{esc(spec["title"])}</h1>{dek}'
            + f'<div class="{h()}" data-testid="byline-block">{" ".join(bits)}</div>'
            + f'<div class="{h()}" data-testid="share-tools">{share_html(spec, h())}</div></header>'
            + f'<section name="articleBody" class="meteredContent {h()}">\n{blocks}</section>'
            + f'<div class="{h()}" data-testid="author-bio"><p>{esc(spec.get("author", ""))} is a correspondent based in the capital.</p></div>'
            + f'</article><div class="{h()}" data-testid="recirculation">' + related_html(spec, rnd, h(), 4) + '</div>'
            + '</main>' + footer_html(spec) + '</div></div>'
            + '<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"story":{"text":"<p>'
            + esc(spec['title']) + '</p>"}}}}</script>\n</body>\n</html>\n')


LIVE_LAYOUTS = {'live'}
LAYOUTS = {'wordpress': layout_wordpress, 'arc': layout_arc, 'legacy': layout_legacy, 'live': layout_live,
           'nextjs': layout_nextjs}


def register(name):
    def deco(fn):
        LAYOUTS[name] = fn
        return fn
    return deco


def main(argv):
    extra = os.path.join(HERE, 'layouts_heldout.py')
    if os.path.exists(extra):
        code = open(extra, encoding='utf-8').read()
        exec(compile(code, extra, 'exec'), globals())
    spec_dir = os.path.join(HERE, 'specs')
    files = argv or sorted(os.path.join(spec_dir, f) for f in os.listdir(spec_dir) if f.endswith('.txt'))
    manifest_path = os.path.join(OUT, 'manifest.json')
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else []
    by_id = {m['id']: m for m in manifest}
    for path in files:
        spec = parse_spec(path)
        rnd = random.Random(spec['id'])
        page = LAYOUTS[spec['layout']](spec, rnd)
        open(os.path.join(OUT, spec['id'] + '.html'), 'w', encoding='utf-8').write(page)
        open(os.path.join(OUT, spec['id'] + '.txt'), 'w', encoding='utf-8').write(gold_text(spec))
        entry = {'id': spec['id'], 'half': spec['half'], 'layout': spec['layout'], 'language': spec['lang'],
                 'url': spec['url'] if spec.get('url_known', 'yes') == 'yes' else None,
                 'published': spec['gold_date'], 'note': spec.get('note', '')}
        if spec.get('gold_tz'):
            entry['publishedZone'] = spec['gold_tz']
        by_id[spec['id']] = entry
    manifest = [by_id[k] for k in sorted(by_id)]
    with open(manifest_path, 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
