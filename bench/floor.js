// The floors of the render benchmark (bench/render.mjs): the least work that shows the same thing as our widget.
// Each floor fetches the same feed, reads it, writes the same items as the same plain HTML (the same elements,
// classes and texts as the widget's shadow DOM) in one pass, one string into a shadow root that has the widget's
// own style sheets (so `content-visibility` and every rule are the same), and forces layout. No Lit, no i18next,
// no validation, no sanitising, no URL checks: texts are escaped, nothing else. German texts are written in.
// The bench checks on every run that a floor's DOM has the same elements and text as the widget's.
// A classic script: it defines `window.kprFloor`.
(() => {
  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const esc = (value) => {
    const text = String(value);
    return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (c) => ESCAPES[c]) : text;
  };

  /** A host with a shadow root styled by `tag`'s own style sheets (Lit's `elementStyles`), as the widget's is. */
  function host(tag) {
    const element = document.createElement('div');
    const root = element.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = customElements.get(tag).elementStyles.map((style) => style.styleSheet ?? style);
    return { element, root };
  }

  // ── News: 1,000 articles ──
  const longDate = new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'Europe/Berlin' });
  /** One article, exactly as <kpr-news-feed> writes it (list layout, heading level 3, three tag places). */
  function article({ link, title, date, summary, tags }) {
    return `<li class="item" part="item"><article tabindex="-1"><div role="heading" class="title" part="title" aria-level="3"><a part="link" href="${esc(link)}" rel="noopener noreferrer">${esc(title)}</a></div><p class="meta" part="meta"><time datetime="${date.toISOString()}">${longDate.format(date)}</time><span></span></p><p class="summary" part="summary">${esc(summary)}</p><ul class="tags" part="tags" aria-label="Schlagwörter"><li part="tag">${esc(tags[0] ?? '')}</li><li part="tag">${esc(tags[1] ?? '')}</li><li part="tag">${esc(tags[2] ?? '')}</li></ul></article></li>`;
  }
  function newsList(title, articles) {
    return `<div part="base" class="base" tabindex="-1" lang="de" dir="ltr" aria-busy="false"><ul part="list" class="articles list" aria-label="${esc(title)}">${articles.join('')}</ul><div class="visually-hidden" role="status"></div></div>`;
  }
  /** As the widget shortens a text without a summary: at a word boundary, with an ellipsis. */
  function shorten(text, maxLength) {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean.length <= maxLength) return clean;
    const cut = clean.slice(0, maxLength - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
  }

  async function newsJson(stage, url) {
    const { element, root } = host('kpr-news-feed');
    stage.append(element);
    const feed = await (await fetch(url)).json();
    root.innerHTML = newsList(feed.title, feed.items.map((item) => article({ link: item.url, title: item.title, date: new Date(item.date_published), summary: item.summary, tags: item.tags ?? [] })));
    root.querySelector('[part="list"]').getBoundingClientRect();
    return element;
  }

  async function newsRss(stage, url) {
    const { element, root } = host('kpr-news-feed');
    stage.append(element);
    const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
    const child = (parent, name) => parent.getElementsByTagName(name)[0]?.textContent ?? '';
    const articles = [];
    for (const item of xml.getElementsByTagName('item')) {
      // The description is written as text: no HTML parser, no sanitiser (the bench's descriptions have no markup).
      articles.push(article({ link: child(item, 'link'), title: child(item, 'title'), date: new Date(child(item, 'pubDate')), summary: shorten(child(item, 'description'), 300), tags: [...item.getElementsByTagName('category')].map((c) => c.textContent) }));
    }
    root.innerHTML = newsList(child(xml.documentElement, 'title'), articles);
    root.querySelector('[part="list"]').getBoundingClientRect();
    return element;
  }

  // ── Prevention tips: 500, grouped by topic, collapsed ──
  async function tips(stage, url, labels) {
    const { element, root } = host('kpr-prevention-tips');
    stage.append(element);
    const feed = await (await fetch(url)).json();
    const order = (topic) => labels.topicOrder.indexOf(topic);
    const items = feed.items.sort((a, b) => order(a._kpr.topic) - order(b._kpr.topic) || a.title.localeCompare(b.title, 'de'));
    const topics = labels.topicOrder.filter((topic) => items.some((tip) => tip._kpr.topic === topic));
    const audiences = labels.audienceOrder.filter((a) => a !== 'everyone' && items.some((tip) => tip._kpr.audience?.includes(a)));
    const option = (value, text) => `<option value="${value}">${esc(text)}</option>`;
    let html = `<div part="base" class="base" lang="de" dir="ltr" aria-busy="false"><div class="filters" part="filters"><label>Tipps durchsuchen<input type="search"></label> <label>Thema<select><option value="" selected="">Alle Themen</option>${topics.map((t) => option(t, labels.topics[t])).join('')}</select></label> <label>Für wen<select><option value="" selected="">Für alle</option>${audiences.map((a) => option(a, labels.audiences[a])).join('')}</select></label></div><p class="count visually-hidden" role="status"></p><div class="groups">`;
    let topic;
    for (const tip of items) {
      if (tip._kpr.topic !== topic) {
        html += `${topic ? '</section>' : ''}<section class="group" part="group"><div role="heading" class="group-title" part="group-title" aria-level="3">${esc(labels.topics[tip._kpr.topic])}</div>`;
        topic = tip._kpr.topic;
      }
      const id = esc(tip.id);
      html += `<div class="tip" part="tip" data-tip="${id}"><div role="heading" aria-level="4"><button type="button" part="tip-button" id="button-${id}" aria-expanded="false" aria-controls="panel-${id}">${esc(tip.title)}</button></div><div class="panel" part="tip-panel" id="panel-${id}" hidden=""></div></div>`;
    }
    root.innerHTML = `${html}${topic ? '</section>' : ''}</div></div>`;
    root.querySelector('[part="base"]').getBoundingClientRect();
    return element;
  }

  // ── Goals: 6 goals, 40 measures (collapsed), 12 indicator charts ──
  const ICONS = {
    shield: 'M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6z M9 12l2 2 4-4',
    scales: 'M12 4v16 M8 20h8 M5 7h14 M5 7l-3 6a3 3 0 006 0z M19 7l-3 6a3 3 0 006 0z',
    heart: 'M12 20s-7-4.4-7-10a4 4 0 017-2.6A4 4 0 0119 10c0 5.6-7 10-7 10z',
    people: 'M9 11a3 3 0 100-6 3 3 0 000 6z M3 20a6 6 0 0112 0 M16 5a3 3 0 010 6 M18 14.5a6 6 0 013 5.5',
    sun: 'M12 8a4 4 0 100 8 4 4 0 000-8z M12 2v2 M12 20v2 M4.9 4.9l1.4 1.4 M17.7 17.7l1.4 1.4 M2 12h2 M20 12h2 M4.9 19.1l1.4-1.4 M17.7 6.3l1.4-1.4',
    lamp: 'M9 21h6 M12 21V6a2 2 0 012-2h3 M16 4v2 M13.5 6h5l1.5 3h-8z',
  };
  const STATUSES = ['running', 'planned', 'done'];
  const HEADINGS = { planned: 'Geplant', running: 'Laufend', done: 'Abgeschlossen' };
  const countText = (status, n) => (status === 'running' ? `${n} ${n === 1 ? 'läuft' : 'laufen'}` : `${n} ${status === 'planned' ? 'geplant' : 'abgeschlossen'}`);
  const number = new Intl.NumberFormat('de');
  const percent = new Intl.NumberFormat('de', { style: 'percent', maximumFractionDigits: 1 });
  const wholePercent = new Intl.NumberFormat('de', { style: 'percent', maximumFractionDigits: 0 });
  const monthYear = new Intl.DateTimeFormat('de', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat('de', { type: 'conjunction' });
  const round = (value) => Math.round(value * 10) / 10;
  const value = (v, unit) => (unit === '%' ? percent.format(v / 100) : `<bdi>${number.format(v)} ${esc(unit)}</bdi>`);

  function chart({ series, target, chart: kind = 'line' }) {
    const values = series.map((p) => p.value);
    const low = Math.min(0, ...values, target ?? 0);
    let high = Math.max(...values, target ?? -Infinity, low);
    if (high === low) high = low + 1;
    high += (high - low) * 0.1;
    const y = (v) => 10 + ((high - v) / (high - low)) * 86;
    const band = 280 / series.length;
    const bar = kind === 'bar';
    const x = (i) => (bar ? 10 + band * (i + 0.5) : 10 + (i * 280) / (series.length - 1));
    let svg = `<svg class="chart" part="chart" viewBox="0 0 300 120" aria-hidden="true" focusable="false"><line class="axis" x1="10" x2="290" y1="${round(y(0))}" y2="${round(y(0))}"></line>`;
    if (target !== undefined) svg += `<line class="target-line" x1="10" x2="290" y1="${round(y(target))}" y2="${round(y(target))}"></line>`;
    if (bar) {
      series.forEach((p, i) => (svg += `<rect class="column" x="${x(i) - band * 0.3}" y="${y(p.value)}" width="${band * 0.6}" height="${y(0) - y(p.value)}"></rect>`));
    } else {
      const points = series.map((p, i) => `${round(x(i))},${round(y(p.value))}`);
      svg += points.map((point) => `<circle class="point" r="3.5" cx="${point.split(',')[0]}" cy="${point.split(',')[1]}"></circle>`).join('');
      svg += `<polyline class="line" points="${points.join(' ')}"></polyline>`;
    }
    const labelled = series.length <= 6 ? series.map((_, i) => i) : [0, series.length - 1];
    const anchor = (i) => (bar ? 'middle' : i === 0 ? 'start' : i === series.length - 1 ? 'end' : 'middle');
    return `${svg}${labelled.map((i) => `<text x="${round(x(i))}" y="114" text-anchor="${anchor(i)}">${esc(series[i].period)}</text>`).join('')}</svg>`;
  }

  function indicator(ind) {
    const { series, unit = '' } = ind;
    const [first, last] = [series[0], series.at(-1)];
    const difference = last.value - first.value;
    const change = unit === '%' ? `${number.format(Math.abs(difference))} Prozentpunkte` : wholePercent.format(Math.abs(difference / first.value));
    const direction = difference > 0 ? 'up' : 'down';
    const trend = `Seit ${esc(first.period)} um ${change} ${direction === 'up' ? 'gestiegen' : 'gesunken'}: ${direction === ind.better ? 'eine gute Entwicklung.' : 'keine gute Entwicklung.'}`;
    const reached = ind.target === undefined ? '' : `<p class="target">Ziel: ${value(ind.target, unit)}, ${(ind.better === 'down' ? last.value <= ind.target : last.value >= ind.target) ? 'erreicht' : 'noch nicht erreicht'}</p>`;
    return `<figure class="indicator" part="indicator"><figcaption class="indicator-name">${esc(ind.name)}</figcaption><p class="latest">${value(last.value, unit)} (${esc(last.period)})</p>${chart(ind)}<div class="data"><table><caption>${esc(ind.name)}: Werte je Zeitraum</caption><thead><tr><th scope="col">Zeitraum</th><th scope="col">Wert</th></tr></thead><tbody>${series.map((p) => `<tr><th scope="row">${esc(p.period)}</th><td>${value(p.value, unit)}</td></tr>`).join('')}</tbody></table></div><p class="trend" data-judgement="${direction === ind.better ? 'good' : 'bad'}">${trend}</p>${reached}</figure>`;
  }

  function measure(m) {
    const since = m.start ? `${m.status === 'planned' ? 'ab' : 'seit'} ${monthYear.format(new Date(`${m.start}-01T00:00:00Z`))}` : '';
    const partners = m.partners?.length ? `Mit: ${list.format(m.partners)}` : '';
    return `<li class="measure"><span class="measure-title">${esc(m.title)}</span><span class="measure-meta">${esc([since, partners].filter(Boolean).join(' · '))}</span></li>`;
  }

  async function goals(stage, url) {
    const { element, root } = host('kpr-goal-overview');
    stage.append(element);
    const feed = await (await fetch(url)).json();
    const totals = { planned: 0, running: 0, done: 0 };
    let measures = 0;
    const cards = feed.items.map((goal, index) => {
      const { icon, measures: list = [], indicators = [] } = goal._kpr;
      const counts = { planned: 0, running: 0, done: 0 };
      for (const m of list) counts[m.status]++, totals[m.status]++;
      measures += list.length;
      const shown = STATUSES.filter((s) => counts[s]);
      return `<li part="goal" class="goal " data-goal="${esc(goal.id)}"><div class="goal-head"><svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="${ICONS[icon]}"></path></svg><div role="heading" class="goal-title" part="goal-title" aria-level="3" id="goal-${index}">${esc(goal.title)}</div></div><p class="description">${esc(goal.content_text)}</p><div class="progress" part="progress"><p class="progress-label"><strong>Fortschritt:</strong> ${counts.done} von ${list.length} Maßnahmen abgeschlossen</p><svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="8" rx="4"></rect><rect class="fill" height="8" rx="4" width="${(100 * counts.done) / list.length}"></rect></svg><p class="counts">${shown.map((s) => countText(s, counts[s])).join(' · ')}</p></div><div class="indicators">${indicators.map(indicator).join('')}</div><button type="button" class="button secondary" part="measures-button" aria-expanded="false" aria-controls="measures-${index}" aria-describedby="goal-${index}">Maßnahmen anzeigen (${list.length})</button><div class="measures" part="measures" id="measures-${index}" hidden="">${shown.map((s) => `<div role="heading" class="status-heading" aria-level="4">${HEADINGS[s]}</div><ul class="measure-list">${list.filter((m) => m.status === s).map(measure).join('')}</ul>`).join('')}</div></li>`;
    });
    const summary = `${feed.items.length} Ziele · ${measures} Maßnahmen: ${list.format(STATUSES.filter((s) => totals[s]).map((s) => countText(s, totals[s])))}`;
    root.innerHTML = `<div part="base" class="base cards" lang="de" dir="ltr" aria-busy="false"><p class="summary" part="summary">${summary}</p><ul class="goals" role="list">${cards.join('')}</ul></div>`;
    root.querySelector('[part="base"]').getBoundingClientRect();
    return element;
  }

  window.kprFloor = { newsJson, newsRss, tips, goals };
})();
