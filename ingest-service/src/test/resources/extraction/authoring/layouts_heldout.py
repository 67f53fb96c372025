# Layouts of the held-out half, written after the extractor was tuned on the dev half (loaded by assemble.py).
# Different CMS families and markup conventions from the dev layouts, so the held-out score measures pages the
# extractor has not been shaped around.


def _plain_items(spec, rnd, style, skip_entry=True):
    return ''.join(inline_item(k, v, spec, rnd, style) for k, v in spec['items'] if not (skip_entry and k == '!entry'))


@register('drupal')
def layout_drupal(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    submitted = ''
    for d in sig['dateline']:
        submitted += f'<span class="node__submitted-date">{esc(d)}</span> '
    author = f'<span class="field--name-uid"><a href="/user/{rnd.randint(2, 90)}">{esc(spec.get("author", ""))}</a></span>'
    itemprop = ''
    if sig['itemprop_pub']:
        iso, shown = sig['itemprop_pub']
        itemprop = f'<span itemprop="datePublished" content="{esc(iso)}">{esc(shown)}</span>'
    body = _plain_items(spec, rnd, {'related_class': 'block-views-block-related', 'figure_class': 'align-center'})
    dek = (f'<div class="field field--name-field-summary field--type-string-long"><div class="field__item">{esc(spec["dek"])}'
           f'</div></div>') if spec.get('dek') else ''
    latest = ''.join(f'<div class="views-row"><span class="field-content"><a href="/node/{i}">{esc(h)}</a></span></div>'
                     for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:5]))
    tags = ''.join(f'<div class="field__item"><a href="/taxonomy/term/{i}">{t}</a></div>'
                   for i, t in enumerate(['Government', 'Budget', 'City'][:rnd.randint(1, 3)]))
    return (head_html(spec, sig) + '<body class="path-node page-node-type-article">\n'
            + f'<div class="dialog-off-canvas-main-canvas"><div class="layout-container">'
            + f'<header role="banner"><div class="region region-header"><a href="/" rel="home">{esc(spec["site"])}</a></div>'
            + '<div class="region region-primary-menu"><ul class="menu">'
            + ''.join(f'<li class="menu-item"><a href="/{x.lower()}">{esc(x)}</a></li>' for x in ui['nav']) + '</ul></div></header>'
            + '<div class="region region-breadcrumb"><nav class="breadcrumb"><ol><li><a href="/">Home</a></li>'
            + f'<li><a href="/news">News</a></li></ol></nav></div>'
            + '<main role="main"><div class="layout-content"><div class="region region-content">'
            + f'<div id="block-pagetitle" class="block block-core block-page-title-block"><h1 class="page-title"><span>{esc(spec["title"])}</span></h1></div>'
            + f'<article role="article" class="node node--type-article node--view-mode-full">'
            + f'<div class="node__meta">{author} {submitted}{itemprop}</div>'
            + f'<div class="node__content">{dek}<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">\n'
            + body + '</div>'
            + f'<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">{esc(ui["tags"])}</div><div class="field__items">{tags}</div></div>'
            + f'<section class="field field--name-comment-node-article"><h2>{esc(ui["comments"])}</h2>'
            + ''.join(f'<article class="js-comment"><p>{esc(c)}</p><footer><p>Submitted by guest on 04/18/2023 - 08:1{i}</p></footer></article>'
                      for i, c in enumerate(COMMENTS[spec['lang']][:2]))
            + '</section></div></article></div></div>'
            + f'<aside class="layout-sidebar-second" role="complementary"><div class="views-element-container block"><h2>Latest news</h2>{latest}</div></aside>'
            + '</main>' + f'<footer role="contentinfo"><div class="region region-footer"><p>© {esc(spec["site"])}</p></div></footer>'
            + '</div></div>\n</body>\n</html>\n')


@register('amp')
def layout_amp(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    extra = ('\n<script async src="https://cdn.ampproject.org/v0.js"></script>'
             '\n<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>'
             '\n<style amp-custom>body{font-family:sans-serif}.amp-wp-article{max-width:840px}</style>')
    style = {'ad': '<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/news/inline"></amp-ad>\n',
             'figure_class': 'amp-wp-inline'}
    items = []
    for k, v in spec['items']:
        if k == '!figure':
            cap, _, credit = v.partition('|')
            items.append(f'<figure class="amp-wp-inline"><amp-img src="/i/{rnd.randint(1, 99)}.jpg" width="800" height="450" layout="responsive"></amp-img>'
                         f'<p class="wp-caption-text">{esc(cap)} {esc(credit)}</p></figure>\n')
        else:
            items.append(inline_item(k, v, spec, rnd, style))
    meta = ' '.join(byline_bits(spec, sig))
    dek = f'<p class="amp-wp-excerpt">{esc(spec["dek"])}</p>' if spec.get('dek') else ''
    return (head_html(spec, sig, extra).replace('<html lang=', '<html amp lang=') + '<body>\n'
            + f'<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>{esc(ui["cookie"])}</p><button>{esc(ui["accept"])}</button></div></amp-consent>'
            + f'<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul>'
            + ''.join(f'<li><a href="/{x.lower()}">{esc(x)}</a></li>' for x in ui['nav']) + '</ul></amp-sidebar>'
            + f'<header id="top" class="amp-wp-header"><div><a href="/">{esc(spec["site"])}</a>'
            + '<button on="tap:sidebar.toggle">☰</button></div></header>'
            + f'<article class="amp-wp-article"><header class="amp-wp-article-header"><h1 class="amp-wp-title">{esc(spec["title"])}</h1>'
            + f'<div class="amp-wp-meta">{meta}</div>{dek}</header>'
            + '<amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share>'
            + '<div class="amp-wp-article-content">\n' + ''.join(items) + '</div>'
            + f'<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">{esc(ui["tags"])}: <a href="/c">News</a></div>'
            + f'<div class="amp-wp-comments-link"><a href="/comments">{esc(ui["comments"])}</a></div></footer></article>'
            + f'<footer class="amp-wp-footer"><div><p>© 2023 {esc(spec["site"])}</p><a href="#top" class="back-to-top">Back to top</a></div></footer>'
            + '\n</body>\n</html>\n')


@register('ghost')
def layout_ghost(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    items = []
    for k, v in spec['items']:
        if k == '!related':
            h = rnd.choice(OTHER_HEADLINES[spec['lang']])
            items.append(f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="/p/{rnd.randint(1, 99)}">'
                         f'<div class="kg-bookmark-content"><div class="kg-bookmark-title">{esc(h)}</div>'
                         f'<div class="kg-bookmark-description">A look back at what happened last time, and what the people '
                         f'involved told us about it at the time.</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">'
                         f'{esc(spec["site"])}</span></div></div></a></figure>\n')
        elif k == '!newsletter':
            items.append(f'<div class="kg-card kg-callout-card kg-callout-card-accent"><div class="kg-callout-emoji">💌</div>'
                         f'<div class="kg-callout-text">{esc(ui["newsletter"])}. <a href="#/portal/signup">{esc(ui["nl_btn"])}</a></div></div>\n')
        else:
            items.append(inline_item(k, v, spec, rnd, {'figure_class': 'kg-card kg-image-card kg-card-hascaption'}))
    t = ''
    if sig['time_pub']:
        iso, shown = sig['time_pub']
        t = f'<time class="gh-article-date" datetime="{esc(iso)}">{esc(shown)}</time>' if iso else f'<time class="gh-article-date">{esc(shown)}</time>'
    dates = ''.join(f'<span class="gh-article-meta-date">{esc(d)}</span>' for d in sig['dateline'])
    dek = f'<p class="gh-article-excerpt">{esc(spec["dek"])}</p>' if spec.get('dek') else ''
    return (head_html(spec, sig) + '<body class="post-template">\n<div class="gh-site">'
            + f'<header id="gh-head" class="gh-head"><a class="gh-head-logo" href="/">{esc(spec["site"])}</a><nav class="gh-head-menu"><ul class="nav">'
            + ''.join(f'<li><a href="/{x.lower()}/">{esc(x)}</a></li>' for x in ui['nav'][:5])
            + f'</ul></nav><div class="gh-head-actions"><a href="#/portal/signin">{esc(ui["login"])}</a><a class="gh-head-button" href="#/portal/signup">{esc(ui["subscribe"])}</a></div></header>'
            + '<main id="gh-main" class="gh-main"><article class="gh-article post">'
            + f'<header class="gh-article-header gh-canvas"><a class="gh-article-tag" href="/tag/news/">News</a>'
            + f'<h1 class="gh-article-title">{esc(spec["title"])}</h1>{dek}'
            + f'<div class="gh-article-meta"><div class="gh-article-author-name"><a href="/author/a/">{esc(spec.get("author", ""))}</a></div>'
            + f'<div class="gh-article-meta-content">{t}{dates}<span class="gh-article-meta-length"><span class="bull">—</span> 4 min read</span></div></div>'
            + '<figure class="gh-article-image"><img src="/content/images/lead.jpg" alt=""></figure></header>'
            + '<section class="gh-content gh-canvas">\n' + ''.join(items) + '</section></article>'
            + f'<section class="footer-cta"><div class="inner"><h2 class="footer-cta-title">{esc(ui["newsletter"])}</h2>'
            + f'<a class="footer-cta-button" href="#/portal"><div class="footer-cta-input">you@example.com</div><span>{esc(ui["subscribe"])}</span></a></div></section>'
            + '<aside class="read-more-wrap"><div class="read-more inner">'
            + ''.join(f'<article class="post-card"><a class="post-card-content-link" href="/p{i}/"><h2 class="post-card-title">{esc(h)}</h2>'
                      f'<div class="post-card-excerpt"><p>A short summary of this other story that runs on for about twenty words, as Ghost themes show.</p></div></a></article>'
                      for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:3]))
            + '</div></aside></main>'
            + f'<footer class="gh-foot"><div class="gh-foot-inner"><div class="gh-copyright">{esc(spec["site"])} © 2023</div>'
            + '<div class="gh-powered-by"><a href="https://ghost.org/">Powered by Ghost</a></div></div></footer></div>\n</body>\n</html>\n')


@register('portal')
def layout_portal(spec, rnd):
    """A big European news portal: sections, catcher boxes with teaser text inside the body, a paywall notice."""
    sig = signals(spec)
    ui = UI[spec['lang']]
    items = []
    for k, v in spec['items']:
        if k == '!readmore':
            items.append(f'<section class="catcher catcher--inline"><span class="catcher__label">{esc(ui["readmore"])}</span>'
                         f'<a class="catcher__title" href="/article/{rnd.randint(1000, 9999)}">{esc(v)}</a></section>\n')
        elif k == '!ad':
            items.append(f'<div class="dfp-slot dfp__inread" data-format="inread"><span>{esc(ui["ad"])}</span></div>\n')
        elif k == 'p':
            items.append(f'<p class="article__paragraph">{esc(v)}</p>\n')
        elif k == 'h2':
            items.append(f'<h2 class="article__sub-title">{esc(v)}</h2>\n')
        else:
            items.append(inline_item(k, v, spec, rnd, {'figure_class': 'article__media'}))
    meta = ''.join(f'<span class="meta__date">{esc(d)}</span>' for d in sig['dateline'])
    dek = f'<p class="article__desc">{esc(spec["dek"])}</p>' if spec.get('dek') else ''
    author = f'<span class="meta__author"><a class="article__author-link" href="/signatures/x">{esc(spec.get("author", ""))}</a></span>' if spec.get('author') else ''
    services = ''.join(f'<li><a href="/services/{i}">{esc(x)}</a></li>' for i, x in enumerate(['Météo', 'Jeux', 'Codes promo', 'Annonces'] if spec['lang'] == 'fr' else ['Weather', 'Games', 'Shop', 'Jobs']))
    return (head_html(spec, sig) + '<body class="article-page">\n' + cookie_html(spec, 'plain')
            + f'<div class="Header"><div class="Header__logo"><a href="/">{esc(spec["site"])}</a></div>'
            + '<ul class="Header__menu">' + ''.join(f'<li><a href="/{x.lower()}/">{esc(x)}</a></li>' for x in ui['nav']) + '</ul>'
            + f'<ul class="Header__services">{services}</ul></div>'
            + '<div class="zone zone--article"><section class="article article--content">'
            + f'<section class="article__header"><ul class="breadcrumb"><li><a href="/">{esc(ui["nav"][0])}</a></li><li><a href="/x/">{esc(ui["nav"][3])}</a></li></ul>'
            + f'<h1 class="article__title">{esc(spec["title"])}</h1>{dek}<section class="meta meta__publisher">{author}{meta}</section>'
            + share_html(spec, 'meta__social') + '</section>'
            + '<section class="article__content old__article-content-single">\n' + ''.join(items)
            + f'<section class="article__reactions"><span>{esc(ui["comments"])} (12)</span><a href="/reactions">{esc(ui["reply"])}</a></section>'
            + '</section>'
            + f'<section class="article__siblings"><h3>{esc(ui["more"])}</h3>'
            + ''.join(f'<div class="teaser"><a href="/t{i}"><h3 class="teaser__title">{esc(h)}</h3></a><p class="teaser__desc">'
                      f'Une analyse des enjeux et des réactions, à lire sur notre site et dans notre application.</p></div>'
                      if spec['lang'] == 'fr' else
                      f'<div class="teaser"><a href="/t{i}"><h3 class="teaser__title">{esc(h)}</h3></a></div>'
                      for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:3]))
            + '</section></section>'
            + f'<aside class="aside-content">{popular_html(spec, rnd, "aside__iso")}</aside></div>'
            + f'<footer class="Footer"><p>{esc(spec["site"])} — {esc(ui["rights"])}</p></footer>\n</body>\n</html>\n')


@register('ru-divs')
def layout_ru_divs(spec, rnd):
    """A CMS that writes every paragraph as a div block, no <p> at all."""
    sig = signals(spec)
    ui = UI[spec['lang']]
    blocks = []
    for k, v in spec['items']:
        if k == 'p':
            blocks.append(f'<div class="article__block" data-type="text"><div class="article__text">{esc(v)}</div></div>\n')
        elif k == 'h2':
            blocks.append(f'<div class="article__block" data-type="h2"><h2 class="article__h2">{esc(v)}</h2></div>\n')
        elif k == 'quote':
            blocks.append(f'<div class="article__block" data-type="quote"><div class="article__quote-text">{esc(v)}</div></div>\n')
        elif k == 'list':
            blocks.append('<div class="article__block" data-type="list"><ul class="article__list">'
                          + ''.join(f'<li>{esc(x)}</li>' for x in v) + '</ul></div>\n')
        elif k == '!readmore':
            blocks.append(f'<div class="article__block" data-type="article"><div class="article__article"><span class="article__article-desc">'
                          f'{esc(ui["readmore"])}</span><a class="article__article-title" href="/{rnd.randint(100, 999)}.html">{esc(v)}</a></div></div>\n')
        elif k == '!ad':
            blocks.append(f'<div class="article__block" data-type="banner"><div class="banner m-article-desktop" data-position="article_{rnd.randint(1, 4)}"></div></div>\n')
        elif k == '!figure':
            cap, _, credit = v.partition('|')
            blocks.append(f'<div class="article__block" data-type="media"><div class="media"><img src="/m.jpg"><div class="media__copyright">'
                          f'<span class="media__copyright-item">{esc(credit)}</span></div><div class="media__title">{esc(cap)}</div></div></div>\n')
        else:
            blocks.append(inline_item(k, v, spec, rnd, {}))
    date = ''.join(f'<div class="article__info-date">{esc(d)}</div>' for d in sig['dateline'])
    dek = f'<div class="article__announce-text">{esc(spec["dek"])}</div>' if spec.get('dek') else ''
    return (head_html(spec, sig) + '<body class="m-article">\n'
            + f'<div class="page"><div class="header"><div class="header__logo">{esc(spec["site"])}</div><div class="header__menu">'
            + ''.join(f'<a class="header__menu-item" href="/{i}">{esc(x)}</a>' for i, x in enumerate(ui['nav'])) + '</div></div>'
            + '<div class="layout-article"><div class="article m-article">'
            + f'<div class="article__header"><div class="article__info">{date}</div>'
            + f'<div class="article__title">{esc(spec["title"])}</div>{dek}</div>'
            + '<div class="article__body js-mediator-article">\n' + ''.join(blocks) + '</div>'
            + f'<div class="article__footer"><div class="article__tags"><a class="article__tags-item" href="/t1">{esc(ui["tags"])}</a></div>'
            + f'<div class="article__userbar"><span class="share" data-network="tg">{esc(ui["share"])}</span>'
            + f'<span class="share" data-network="vk">VK</span></div></div></div>'
            + '<div class="layout-article__right-column"><div class="cell-list">'
            + ''.join(f'<div class="cell-list__item"><a href="/n{i}"><span class="cell-list__item-title">{esc(h)}</span></a>'
                      f'<span class="cell-info__date">10:0{i}</span></div>' for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:4]))
            + '</div></div></div>'
            + f'<div class="footer"><div class="footer__copy">© 2023 {esc(spec["site"])}. {esc(ui["rights"])}</div></div></div>\n</body>\n</html>\n')


@register('bootstrap')
def layout_bootstrap(spec, rnd):
    """A small newsroom on a Bootstrap theme: a main column and a sidebar told apart only by grid classes."""
    sig = signals(spec)
    ui = UI[spec['lang']]
    body = _plain_items(spec, rnd, {'figure_class': 'figure'})
    dates = ''.join(f'<p class="text-muted small">{esc(d)}</p>' for d in sig['dateline'])
    t = ''
    if sig['time_pub']:
        iso, shown = sig['time_pub']
        t = f'<time datetime="{esc(iso)}">{esc(shown)}</time>' if iso else f'<time>{esc(shown)}</time>'
    dek = f'<p class="lead">{esc(spec["dek"])}</p>' if spec.get('dek') else ''
    side = ''.join(f'<div class="card mb-3"><div class="card-body"><h5 class="card-title"><a href="/s/{i}">{esc(h)}</a></h5>'
                   f'<p class="card-text">Our reporters followed this story through the week; here is what changed and why it matters.</p></div></div>'
                   for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:3]))
    return (head_html(spec, sig) + '<body>\n'
            + f'<nav class="navbar navbar-expand-lg navbar-dark bg-dark"><a class="navbar-brand" href="/">{esc(spec["site"])}</a><ul class="navbar-nav">'
            + ''.join(f'<li class="nav-item"><a class="nav-link" href="/{x.lower()}">{esc(x)}</a></li>' for x in ui['nav']) + '</ul></nav>'
            + '<div class="container mt-4"><div class="row"><div class="col-md-8">'
            + f'<h1 class="display-5">{esc(spec["title"])}</h1>{dek}'
            + f'<p class="text-muted">{esc(ui["by"])} {esc(spec.get("author", ""))} {t}</p>{dates}'
            + f'<div class="story-text">\n{body}</div>'
            + f'<div class="d-flex"><a class="btn btn-sm btn-outline-primary" href="#">{esc(ui["share"])}</a>'
            + f'<a class="btn btn-sm btn-outline-secondary" href="#">{esc(ui["print"])}</a></div>'
            + f'<hr><h4>{esc(ui["comments"])}</h4>'
            + ''.join(f'<div class="media mb-3"><div class="media-body"><h6>guest{i}</h6><p>{esc(c)}</p><small>April 18, 2023</small></div></div>'
                      for i, c in enumerate(COMMENTS[spec['lang']][:3]))
            + f'</div><div class="col-md-4"><h4>Latest</h4>{side}<div class="card"><div class="card-body"><h5>{esc(ui["newsletter"])}</h5>'
            + f'<input class="form-control" type="email"><button class="btn btn-primary">{esc(ui["nl_btn"])}</button></div></div></div></div></div>'
            + f'<footer class="bg-light text-center p-3"><small>© 2023 {esc(spec["site"])}</small></footer>\n</body>\n</html>\n')


# ---------------------------------------------------------------------------------------------------------------
# Layouts of the "fresh" third set, written after the fixes that followed the held-out run, and never tuned on.

@register('substack')
def layout_substack(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    items = []
    for k, v in spec['items']:
        if k == '!newsletter':
            items.append(f'<div class="subscription-widget-wrap"><div class="subscription-widget show-subscribe">'
                         f'<div class="preamble"><p class="cta-caption">{esc(ui["newsletter"])}. {rnd.randint(2, 40)},000 readers already do.</p></div>'
                         f'<form class="subscription-widget-subscribe"><input type="email" class="email-input"><input type="submit" value="{esc(ui["subscribe"])}"></form></div></div>\n')
        elif k == '!figure':
            cap, _, credit = v.partition('|')
            items.append(f'<div class="captioned-image-container"><figure><a class="image-link image2" href="/i"><img src="/i.jpg"></a>'
                         f'<figcaption class="image-caption">{esc(cap)} {esc(credit)}</figcaption></figure></div>\n')
        else:
            items.append(inline_item(k, v, spec, rnd, {}))
    date = ''.join(f'<div class="pencraft pc-reset _color-pub-secondary-text_3axfk_207 _line-height-20_3axfk_95">{esc(d)}</div>'
                   for d in sig['dateline'])
    dek = f'<h3 class="subtitle">{esc(spec["dek"])}</h3>' if spec.get('dek') else ''
    return (head_html(spec, sig) + '<body><div id="entry"><div id="main" class="main typography use-theme-bg">'
            + f'<div class="topbar-content"><a class="navbar-title-link" href="/">{esc(spec["site"])}</a>'
            + f'<button class="button primary">{esc(ui["subscribe"])}</button><button class="button">{esc(ui["login"])}</button></div>'
            + '<div class="single-post-container"><div class="container"><div class="single-post"><div class="post-header">'
            + f'<h1 class="post-title published">{esc(spec["title"])}</h1>{dek}'
            + f'<div class="post-meta"><div class="profile-hover-card-target"><a href="/profile">{esc(spec.get("author", ""))}</a></div>{date}</div>'
            + f'<div class="post-ufi"><a class="like-button">{rnd.randint(5, 90)}</a><a class="comment-button">{rnd.randint(1, 30)}</a>'
            + f'<a class="share-button">{esc(ui["share"])}</a></div></div>'
            + '<div class="available-content"><div dir="auto" class="body markup">\n' + ''.join(items) + '</div></div>'
            + f'<div class="post-footer"><div class="post-ufi"><a>{rnd.randint(5, 90)} Likes</a> <a>{rnd.randint(1, 9)} Restacks</a></div></div>'
            + f'<div class="subscribe-footer"><p>{esc(ui["newsletter"])}</p><input type="email"><button>{esc(ui["subscribe"])}</button></div>'
            + f'<div class="comments-section"><h4>{esc(ui["comments"])}</h4>'
            + ''.join(f'<div class="comment"><div class="comment-body"><p>{esc(c)}</p></div></div>' for c in COMMENTS[spec['lang']][:3])
            + '</div></div></div></div>'
            + f'<div class="footer-wrap"><div class="footer">© 2023 {esc(spec.get("author", ""))} · Privacy · Terms · Collection notice</div></div>'
            + '</div></div>\n</body>\n</html>\n')


@register('typo3')
def layout_typo3(spec, rnd):
    sig = signals(spec)
    ui = UI[spec['lang']]
    frames = []
    for k, v in spec['items']:
        cid = rnd.randint(100, 9999)
        if k == 'p':
            frames.append(f'<div id="c{cid}" class="frame frame-default frame-type-text frame-layout-0"><div class="ce-bodytext"><p>{esc(v)}</p></div></div>\n')
        elif k == 'h2':
            frames.append(f'<div id="c{cid}" class="frame frame-default frame-type-header"><header><h2 class="">{esc(v)}</h2></header></div>\n')
        elif k == '!ad':
            frames.append(f'<div class="frame frame-type-html"><div class="adition-container" data-wp="{cid}"><small>{esc(ui["ad"])}</small></div></div>\n')
        else:
            frames.append(inline_item(k, v, spec, rnd, {'figure_class': 'image'}))
    t = ''
    if sig['itemprop_pub']:
        iso, shown = sig['itemprop_pub']
        t = f'<span class="news-list-date"><time itemprop="datePublished" datetime="{esc(iso)}">{esc(shown)}</time></span>'
    dates = ''.join(f'<span class="news-list-date">{esc(d)}</span>' for d in sig['dateline'])
    dek = f'<div class="lead" itemprop="description"><p>{esc(spec["dek"])}</p></div>' if spec.get('dek') else ''
    related = ''.join(f'<li><a href="/news/{i}">{esc(h)}</a></li>' for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:3]))
    return (head_html(spec, sig) + '<body id="p42" class="page-42 pagelevel-2 language-0 backendlayout-default layout-default">\n'
            + f'<div id="top"><div class="header-top"><a class="brand" href="/">{esc(spec["site"])}</a></div>'
            + '<ul class="mainnav">' + ''.join(f'<li class="nav-item"><a href="/{x.lower()}">{esc(x)}</a></li>' for x in ui['nav']) + '</ul></div>'
            + '<div id="content" class="container"><div class="row"><div class="col-main">'
            + '<div class="news news-single"><div class="article" itemscope itemtype="http://schema.org/Article">'
            + f'<div class="header"><h1 itemprop="headline">{esc(spec["title"])}</h1></div>'
            + f'<div class="footer"><p>{t}{dates}<span class="news-list-author" itemprop="author">{esc(spec.get("author", ""))}</span></p></div>'
            + f'{dek}<div class="news-text-wrap" itemprop="articleBody">\n' + ''.join(frames) + '</div>'
            + f'<div class="news-related news-related-news"><h4>{esc(ui["related"])}</h4><ul>{related}</ul></div>'
            + f'<div class="news-backlink-wrap"><a href="/news">{esc("« Zurück" if spec["lang"] == "de" else "« Back")}</a></div>'
            + '</div></div></div>'
            + f'<div class="col-side"><div class="frame frame-type-list"><h3>{esc(ui["popular"])}</h3>{popular_html(spec, rnd, "news-list-view")}</div></div>'
            + '</div></div>' + f'<div id="footer"><p>© 2023 {esc(spec["site"])} | Impressum | Datenschutz</p></div>\n</body>\n</html>\n')


@register('nuxt')
def layout_nuxt(spec, rnd):
    """A client-rendered site: the article is also serialised in a script the browser hydrates from."""
    sig = signals(spec)
    ui = UI[spec['lang']]
    v = 'data-v-' + ''.join(rnd.choice('0123456789abcdef') for _ in range(8))
    items = []
    for k, val in spec['items']:
        if k == 'p':
            items.append(f'<div {v} class="rich-text"><p {v}>{esc(val)}</p></div>\n')
        elif k == '!ad':
            items.append(f'<div {v} class="ad-wrapper"><div {v} class="ad-label">{esc(ui["ad"])}</div></div>\n')
        else:
            items.append(inline_item(k, val, spec, rnd, {}))
    state = json.dumps({'article': {'title': spec['title'], 'body': [x[1] for x in spec['items'] if x[0] == 'p'][:2]}}, ensure_ascii=False)
    meta = ' '.join(byline_bits(spec, sig))
    popular = ''.join(f'<a {v} class="card" href="/n/{i}"><span {v} class="card__title">{esc(h)}</span></a>'
                      for i, h in enumerate(OTHER_HEADLINES[spec['lang']][:4]))
    return (head_html(spec, sig) + f'<body><div id="__nuxt"><div id="__layout"><div {v} class="app">'
            + f'<div {v} class="topbar"><span {v}>{esc(spec["site"])}</span>'
            + ''.join(f'<a {v} href="/{x.lower()}">{esc(x)}</a>' for x in ui['nav'][:6]) + '</div>'
            + f'<div {v} class="page page--article"><div {v} class="article-head"><h1 {v}>{esc(spec["title"])}</h1>'
            + f'<div {v} class="article-meta">{meta}</div></div>'
            + f'<div {v} class="article-content">\n' + ''.join(items) + '</div>'
            + f'<div {v} class="more-news"><h2 {v}>{esc(ui["popular"])}</h2>{popular}</div></div>'
            + f'<div {v} class="foot">© 2023 {esc(spec["site"])}</div></div></div></div>'
            + f'<script>window.__NUXT__={state};</script>\n</body>\n</html>\n')
