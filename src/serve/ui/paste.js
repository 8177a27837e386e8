// Paste an article: POST /api/extract, and the result shown the way stored events are.
import { post } from './api.js';
import { h, mount } from './dom.js';
import { documentView, eventCard } from './evidence.js';

let last = null; // the form's values survive a visit to another page

export function pastePage(view) {
  const v = last ?? { text: '', published: '', outlet: '', title: '', url: '', html: false };
  const result = h('div', { class: 'paste-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'paste panel' },
    h('h1', null, 'Extract events from an article'),
    h('p', { class: 'hint' }, 'Nothing is stored: the article is read and the result shown here.'),
    h('label', { class: 'field wide' }, h('span', null, 'Article text (or HTML)'), h('textarea', { name: 'text', rows: 12, required: true, placeholder: 'Paste the article here…' }, v.text)),
    h(
      'div',
      { class: 'row' },
      h('label', { class: 'field' }, h('span', null, 'Published'), h('input', { name: 'published', type: 'date', value: v.published })),
      h('label', { class: 'field' }, h('span', null, 'Outlet'), h('input', { name: 'outlet', value: v.outlet })),
      h('label', { class: 'field' }, h('span', null, 'Title'), h('input', { name: 'title', value: v.title })),
      h('label', { class: 'field' }, h('span', null, 'URL'), h('input', { name: 'url', type: 'url', value: v.url })),
      h('label', { class: 'check' }, h('input', { name: 'html', type: 'checkbox', checked: v.html }), ' it is HTML'),
    ),
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Extract')),
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const d = new FormData(form);
    last = { text: String(d.get('text') ?? ''), published: String(d.get('published') ?? ''), outlet: String(d.get('outlet') ?? ''), title: String(d.get('title') ?? ''), url: String(d.get('url') ?? ''), html: d.get('html') === 'on' };
    const body = { [last.html ? 'html' : 'text']: last.text };
    for (const k of ['published', 'outlet', 'title', 'url']) if (last[k].trim()) body[k] = last[k].trim();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    mount(result, h('p', { class: 'loading' }, 'Reading…'));
    try {
      const doc = await post('/api/extract', body);
      showDocument(result, doc);
    } catch (e) {
      mount(result, h('p', { class: 'error', role: 'alert' }, e.message));
    } finally {
      button.disabled = false;
    }
  });
  mount(view, form, result);
}

function showDocument(el, doc) {
  const events = doc.events;
  mount(
    el,
    h('section', { class: 'panel' }, h('h2', null, `${events.length} event${events.length === 1 ? '' : 's'}`), events.length ? h('div', { class: 'cards' }, events.map((e) => eventCard(e, doc))) : h('p', null, 'No events found in this text.'), doc.warnings.length ? h('ul', { class: 'warnings' }, doc.warnings.map((w) => h('li', null, w))) : null),
    h('section', { class: 'panel article' }, h('h2', null, doc.article.title ?? 'The article as read'), documentView(doc, doc.article.text ?? '')),
  );
}
