/*
 * Passkeys for Java — the passkey manager: <passkeys-manager></passkeys-manager> lists the signed-in user's passkeys
 * (provider, synced or device-bound, created and last used, transports) and lets them add, rename, disable, enable and
 * delete them. Needs passkeys.js first. The starter's /passkeys/manage page is just this element; put it in your own
 * page to embed it. Renders into the light DOM, so passkeys.css (or yours) styles it.
 */
(function () {
  'use strict';

  const MAX_NAME = 64;
  // Transports in words people use (WebAuthn's AuthenticatorTransport values that have a text).
  const TRANSPORTS = ['internal', 'usb', 'hybrid', 'nfc', 'ble', 'smart-card'];
  const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];

  // A plain key, for passkeys whose provider is not in the list.
  const GENERIC_ICON = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    + '<circle cx="8" cy="12" r="4.5" fill="none" stroke="#5f6b7a" stroke-width="2"/>'
    + '<path d="M12.5 12H21v3M18 12v2.5" fill="none" stroke="#5f6b7a" stroke-width="2" stroke-linecap="round"/></svg>');

  // The text of `key` in the user's language (passkeys.js loads them), {name} placeholders filled from `values`.
  const t = (key, values) => window.Passkeys.text(key, values);

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    children.flat().forEach(child => child && node.append(child));
    return node;
  }

  // "just now", "5 minutes ago", "today", "yesterday", "3 days ago" in the page's language (the browser's Intl);
  // the exact time on hover.
  function time(iso) {
    const language = window.Passkeys.language();
    const relative = typeof Intl.RelativeTimeFormat === 'function'
      ? new Intl.RelativeTimeFormat(language, { numeric: 'auto' }) : null;
    const date = new Date(iso);
    const seconds = (date.getTime() - Date.now()) / 1000;
    const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
    const today = date.toDateString() === new Date().toDateString();
    const text = Math.abs(seconds) < 60 ? t('manage.just-now')
      : !relative ? date.toLocaleString(language)
      : unit[0] === 'minute' ? relative.format(Math.round(seconds / 60), 'minute')
      : today ? relative.format(0, 'day')
      : relative.format(Math.round(seconds / unit[1]), unit[0]);
    return el('time', { datetime: iso, title: date.toLocaleString(language), text });
  }

  // Names as shown: a name that an earlier passkey already has gets a number ("Passkey", "Passkey 2").
  function displayNames(passkeys) {
    const seen = new Map();
    return passkeys.map(p => {
      const count = (seen.get(p.name) || 0) + 1;
      seen.set(p.name, count);
      return { ...p, label: count === 1 ? p.name : p.name + ' ' + count };
    });
  }

  // The refusal of a name over MAX_NAME characters, else ''.
  function tooLong(name) {
    return name.length > MAX_NAME ? t('manage.name-too-long', { length: name.length, max: MAX_NAME }) : '';
  }

  function icon(provider) {
    const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
    const src = provider && ((dark ? provider.iconDark : provider.iconLight) || provider.iconLight || provider.iconDark);
    const safe = src && src.startsWith('data:image/') ? src : GENERIC_ICON;
    return el('img', { class: 'passkey-icon' + (safe === GENERIC_ICON ? ' passkey-icon-generic' : ''), src: safe, alt: '',
      width: 32, height: 32 });
  }

  // "Added <time>": the words around the <time> element, in the order the language puts them.
  function withTime(key, iso) {
    const [before, after] = t(key, { time: '\u0000' }).split('\u0000');
    return [before, time(iso), after || ''];
  }

  function transport(name) {
    return TRANSPORTS.includes(name) ? t('manage.transport.' + name) : name;
  }

  class PasskeysManager extends HTMLElement {
    connectedCallback() {
      if (this.rendered) return;
      this.rendered = true;
      window.Passkeys.texts().then(() => this.render());
    }

    render() {
      // Its texts' language, which may not be the language of the page it is embedded in.
      if (window.Passkeys.language()) this.lang = window.Passkeys.language();
      this.passkeys = [];
      this.status = el('p', { class: 'passkeys-status', role: 'status', 'aria-live': 'polite', 'data-passkey-status': true });
      this.error = el('p', { id: 'passkeys-error', class: 'passkeys-error', role: 'alert', 'data-passkey-error': true });
      this.list = el('ul', { id: 'passkeys', class: 'passkeys-list', 'aria-labelledby': 'passkeys-list-heading' });
      this.empty = el('p', { id: 'passkeys-empty', class: 'passkeys-empty', hidden: true, text: t('manage.empty') });
      this.syncHint = el('p', { id: 'passkeys-sync-hint', class: 'passkeys-hint-box', hidden: true,
        text: t('manage.sync-hint') });
      this.dialog = this.deleteDialog();
      // No maxlength: a name that is too long is refused with a message, never cut silently (as in rename).
      const name = el('input', { id: 'passkey-name', name: 'name', type: 'text', autocomplete: 'off',
        'aria-describedby': 'passkey-name-error passkeys-error', placeholder: t('manage.name-placeholder') });
      const nameError = el('p', { id: 'passkey-name-error', class: 'passkey-rename-error', hidden: true });
      const form = el('form', { id: 'add-passkey-form', class: 'passkeys-add', novalidate: true, onsubmit: e => this.add(e, name, nameError) },
        el('label', { for: 'passkey-name' }, t('manage.name-label') + ' ', el('span', { class: 'passkeys-hint', text: t('manage.name-hint') })),
        name,
        el('button', { id: 'add-passkey', type: 'submit', text: t('manage.add') }),
        ...(this.getAttribute('security-keys') === 'off' ? [] : [
          el('button', { id: 'add-security-key', type: 'submit', value: 'security-key', class: 'secondary',
            'aria-describedby': 'passkeys-security-key-hint', text: t('manage.add-security-key') }),
          el('p', { id: 'passkeys-security-key-hint', class: 'passkeys-hint', text: t('manage.security-key-hint') })]),
        nameError);
      this.replaceChildren(
        el('section', { class: 'passkeys-card', 'aria-labelledby': 'passkeys-add-heading' },
          el('h2', { id: 'passkeys-add-heading', text: t('manage.add-heading') }), form),
        this.status, this.error,
        el('section', { 'aria-labelledby': 'passkeys-list-heading' },
          el('h2', { id: 'passkeys-list-heading', text: t('manage.list-heading') }), this.syncHint, this.empty, this.list),
        this.dialog);
      this.refresh().catch(e => this.fail(e));
    }

    say(text) { this.status.textContent = text; }

    fail(error) {
      if (error && error.name === 'AbortError') return;
      this.say('');
      this.error.textContent = window.Passkeys.explain(error).message;
    }

    async refresh() {
      this.passkeys = displayNames(await window.Passkeys.list());
      this.list.replaceChildren(...this.passkeys.map(p => this.item(p)));
      this.empty.hidden = this.passkeys.length > 0;
      this.syncHint.hidden = this.passkeys.length === 0 || this.passkeys.some(p => p.synced);
      window.Passkeys.signalAccepted();
    }

    // After a re-render: focus the button matching css in the passkey with this id, else the first one left.
    focusAfter(id, css, index) {
      const items = Array.from(this.list.querySelectorAll('li.passkey'));
      const item = items.find(li => li.dataset.credentialId === id)
        || items[Math.min(index === undefined ? 0 : index, items.length - 1)];
      const target = item ? item.querySelector(item.dataset.credentialId === id ? css : 'button') : this.querySelector('#add-passkey');
      if (target) target.focus();
    }

    item(passkey) {
      const name = { name: passkey.label };
      const rename = el('button', { type: 'button', class: 'passkey-rename', text: t('manage.rename'),
        'aria-label': t('manage.rename-label', name), onclick: () => this.startRename(li, passkey) });
      const toggle = el('button', { type: 'button', class: 'passkey-toggle secondary',
        text: passkey.enabled ? t('manage.disable') : t('manage.enable'),
        'aria-label': passkey.enabled ? t('manage.disable-label', name) : t('manage.enable-label', name),
        onclick: () => this.toggle(passkey) });
      const remove = el('button', { type: 'button', class: 'passkey-delete danger', text: t('manage.delete'),
        'aria-label': t('manage.delete-label', name), onclick: () => this.confirmDelete(passkey) });
      // Each fact in its own span, so a line wraps between facts and never inside one.
      const facts = [
        passkey.provider ? el('span', { class: 'passkey-provider', text: passkey.provider.name }) : null,
        el('span', { class: 'passkey-fact' }, ...withTime('manage.added', passkey.createdAt)),
        el('span', { class: 'passkey-fact' },
          ...(passkey.lastUsedAt ? withTime('manage.last-used', passkey.lastUsedAt) : [t('manage.never-used')])),
        passkey.transports && passkey.transports.length
          ? el('span', { class: 'passkey-transports',
            text: t('manage.works-with', { transports: passkey.transports.map(transport).join(', ') }) }) : null,
        // Said in words (not an icon) only where the attestation chained to a root the app trusts.
        passkey.attestationTrusted ? el('span', { class: 'passkey-fact passkey-attested', text: t('manage.attested') }) : null,
      ].filter(Boolean);
      // The "·" between facts is drawn by the style sheet, so it never ends or starts a line.
      const meta = el('div', { class: 'passkey-meta' }, el('div', { class: 'passkey-facts' }, facts));
      const li = el('li', { class: 'passkey' + (passkey.enabled ? '' : ' is-disabled'), 'data-credential-id': passkey.id },
        icon(passkey.provider),
        el('div', { class: 'passkey-body' },
          el('div', { class: 'passkey-title' },
            el('span', { class: 'passkey-name', text: passkey.label }),
            el('span', { class: 'passkey-badge ' + (passkey.synced ? 'synced' : 'device-bound'),
              text: passkey.synced ? t('manage.synced') : t('manage.device-only') }),
            passkey.current ? el('span', { class: 'passkey-badge current', text: t('manage.current') }) : null,
            passkey.enabled ? null : el('span', { class: 'passkey-badge disabled', text: t('manage.disabled') })),
          meta),
        el('div', { class: 'passkey-actions' }, rename, toggle, remove));
      return li;
    }

    async add(event, input, problem) {
      event.preventDefault();
      const button = event.submitter || event.target.querySelector('button');
      const kind = button && button.value === 'security-key' ? 'security-key' : undefined;
      const refusal = tooLong(input.value.trim());
      problem.textContent = refusal;
      problem.hidden = !refusal;
      input.setAttribute('aria-invalid', refusal ? 'true' : 'false');
      if (refusal) return input.focus();
      this.error.textContent = '';
      this.say(t('manage.creating'));
      button.disabled = true;
      try {
        const passkey = await window.Passkeys.register(input.value.trim(), kind);
        input.value = '';
        await this.refresh();
        this.say(t('manage.created', { name: passkey.name }));
        this.dispatchEvent(new CustomEvent('passkeys:added', { bubbles: true, detail: passkey }));
      } catch (e) {
        this.fail(e);
      } finally {
        button.disabled = false;
      }
    }

    // No maxlength on the input: a name that is too long is refused with a message, never cut silently.
    startRename(li, passkey) {
      const errorId = 'passkey-rename-error-' + passkey.id;
      const problem = el('p', { id: errorId, class: 'passkey-rename-error', hidden: true });
      const input = el('input', { type: 'text', class: 'passkey-rename-input', value: passkey.name,
        'aria-label': t('manage.new-name-label', { name: passkey.label }), required: true,
        'aria-describedby': errorId + ' passkeys-error' });
      const cancel = () => {
        this.say(t('manage.rename-cancelled'));
        this.refresh().then(() => this.focusAfter(passkey.id, '.passkey-rename')).catch(e => this.fail(e));
      };
      const form = el('form', { class: 'passkey-rename-form', novalidate: true, onsubmit: async e => {
        e.preventDefault();
        const name = input.value.trim();
        const refusal = !name ? t('manage.name-required') : tooLong(name);
        problem.textContent = refusal;
        problem.hidden = !refusal;
        input.setAttribute('aria-invalid', refusal ? 'true' : 'false');
        if (refusal) return input.focus();
        if (await this.change(passkey, { name }, t('manage.renamed', { name }))) this.focusAfter(passkey.id, '.passkey-rename');
      }, onkeydown: e => {
        if (e.key === 'Escape') { e.preventDefault(); cancel(); }
      } }, input,
        el('button', { type: 'submit', class: 'passkey-rename-save', text: t('manage.save') }),
        el('button', { type: 'button', class: 'passkey-rename-cancel secondary', text: t('manage.cancel'), onclick: cancel }),
        problem);
      li.querySelector('.passkey-title').replaceWith(form);
      input.focus();
      input.select();
    }

    async toggle(passkey) {
      // Turning off the passkey of this sign-in ends this session too (README: "Revoking a passkey"): ask first.
      if (passkey.current && passkey.enabled && !window.confirm(t('manage.disable-current', { name: passkey.label }))) return;
      if (await this.change(passkey, { enabled: !passkey.enabled },
        t(passkey.enabled ? 'manage.now-disabled' : 'manage.now-enabled', { name: passkey.label }))) {
        this.focusAfter(passkey.id, '.passkey-toggle');
      }
    }

    async change(passkey, body, done) {
      this.error.textContent = '';
      try {
        await window.Passkeys.withStepUp(
          () => window.Passkeys.request('PATCH', '/credentials/' + encodeURIComponent(passkey.id), body),
          () => this.say(t('step-up.confirming')));
        if (passkey.current && body.enabled === false) return this.signedOut();
        await this.refresh();
        this.say(done);
        return true;
      } catch (e) {
        this.fail(e);
        return false;
      }
    }

    deleteDialog() {
      const dialog = el('dialog', { id: 'passkey-delete-dialog', class: 'passkeys-dialog', 'aria-labelledby': 'passkey-delete-title' },
        el('h2', { id: 'passkey-delete-title', text: t('manage.delete-title') }),
        el('p', { id: 'passkey-delete-text' }),
        el('p', { id: 'passkey-delete-warning', class: 'passkeys-warning', hidden: true }),
        el('div', { class: 'passkey-actions' },
          el('button', { type: 'button', class: 'passkey-delete-cancel secondary', text: t('manage.cancel'), onclick: () => dialog.close() }),
          el('button', { type: 'button', class: 'passkey-delete-confirm danger', text: t('manage.delete'),
            onclick: () => { dialog.close(); this.remove(dialog.passkey); } })));
      return dialog;
    }

    confirmDelete(passkey) {
      this.dialog.passkey = passkey;
      this.dialog.querySelector('#passkey-delete-text').textContent = t('manage.delete-text',
        { name: passkey.label, provider: passkey.provider ? passkey.provider.name : t('manage.your-device') });
      const warning = this.dialog.querySelector('#passkey-delete-warning');
      const notes = [passkey.current ? t('manage.delete-current') : '', this.passkeys.length === 1 ? t('manage.delete-last') : '']
        .filter(Boolean);
      warning.hidden = !notes.length;
      warning.textContent = notes.join(' ');
      this.dialog.showModal();
      this.dialog.querySelector('.passkey-delete-cancel').focus();
    }

    /** The passkey of this sign-in is gone, and this session with it: load the page again, for the app's sign-in. */
    signedOut() {
      window.location.reload();
      return true;
    }

    async remove(passkey) {
      this.error.textContent = '';
      const index = this.passkeys.findIndex(p => p.id === passkey.id);
      try {
        // The app may ask for a recent passkey confirmation first (step-up): the prompt, then the delete once more.
        await window.Passkeys.withStepUp(
          () => window.Passkeys.request('DELETE', '/credentials/' + encodeURIComponent(passkey.id)),
          () => this.say(t('step-up.confirming')));
        if (passkey.current) return this.signedOut();
        await this.refresh();
        this.focusAfter(passkey.id, 'button', index);
        this.say(t('manage.deleted', { name: passkey.label }));
      } catch (e) {
        this.fail(e);
      }
    }
  }

  if (!customElements.get('passkeys-manager')) customElements.define('passkeys-manager', PasskeysManager);
})();
