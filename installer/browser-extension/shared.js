// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What the service worker, the options page and the content script share: the console presets,
// the settings (chrome.storage.local, overridden by chrome.storage.managed where an
// administrator set a value) and match-pattern checks. A classic script that defines
// globalThis.RefundGuard, so that all three can load it (importScripts, <script>, and as the
// first file of the content script).
'use strict';

(() => {
  if (globalThis.RefundGuard)
    return;

  // The bridge's port when nothing is set: the app's default (settings key bridge/port).
  const DEFAULT_PORT = 47800;

  // The bridge refuses longer ids and texts (src/feed/feedevent.h); texts are cut well below.
  const MAX_ID_LENGTH = 256;
  const MAX_TEXT_LENGTH = 16000;

  // A console's settings. Selectors are CSS; a role selector or the skip selector counts when
  // the message item itself or anything inside it matches. The text is the last element inside
  // the item that matches `text` (a quoted reply comes before the message's own text). A
  // message's identity is its `messageIdAttribute` value, or, without one, its role, text and
  // how many identical messages came before it.
  const PRESETS = {
    chatwoot: {
      name: 'Chatwoot agent dashboard',
      preset: 'chatwoot',
      matches: ['https://app.chatwoot.com/app/accounts/*'],
      container: '',
      // The dashboard of Chatwoot 4 (components-next/message/Message.vue: a
      // .message-bubble-container with data-message-id, justify-start for the contact,
      // justify-end for agents and bots, justify-center for activity) and the older one
      // (widgets/conversation/Message.vue: <li id="message123" class="left|right|center">).
      item: '.message-bubble-container[data-message-id], li[id^="message"]',
      customer: '.message-bubble-container.justify-start, li.left',
      agent: '.message-bubble-container.justify-end, li.right',
      system: '',
      skip: '.message-bubble-container.justify-center, li.center, .bubble.is-private',
      text: '.prose-bubble, .message-text__wrap',
      messageIdAttribute: 'id',
      conversation: {
        source: 'url',
        // /app/accounts/3/conversations/1234: the id the app's own Chatwoot connector uses.
        pattern: '/accounts/(\\d+)/conversations/(\\d+)',
        template: 'chatwoot:$1:$2',
        selector: '',
        attribute: '',
      },
    },
    sample: {
      name: 'Sample console',
      preset: 'sample',
      matches: ['http://127.0.0.1/*'],
      container: '#chat',
      item: 'li.message',
      customer: '[data-author="customer"]',
      agent: '[data-author="agent"]',
      system: '[data-author="system"]',
      skip: '.typing',
      text: '.text',
      messageIdAttribute: 'data-message-id',
      conversation: {
        source: 'selector',
        pattern: '',
        template: '',
        selector: '[data-conversation-id]',
        attribute: 'data-conversation-id',
      },
    },
    custom: {
      name: 'My console',
      preset: 'custom',
      matches: [],
      container: '',
      item: '',
      customer: '',
      agent: '',
      system: '',
      skip: '',
      text: '',
      messageIdAttribute: '',
      conversation: {source: 'url', pattern: '', template: '', selector: '', attribute: ''},
    },
  };

  const STRING_FIELDS = ['name', 'preset', 'container', 'item', 'customer', 'agent', 'system',
                         'skip', 'text', 'messageIdAttribute'];

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // A console as stored, with every field present and of the right type.
  function normaliseConsole(raw) {
    const base = clone(PRESETS.custom);
    if (!raw || typeof raw !== 'object')
      return base;
    for (const field of STRING_FIELDS) {
      if (typeof raw[field] === 'string')
        base[field] = raw[field].trim();
    }
    if (Array.isArray(raw.matches))
      base.matches = raw.matches.filter(p => typeof p === 'string' && p.trim()).map(p => p.trim());
    const conversation = raw.conversation && typeof raw.conversation === 'object'
                             ? raw.conversation : {};
    for (const field of ['pattern', 'template', 'selector', 'attribute']) {
      if (typeof conversation[field] === 'string')
        base.conversation[field] = conversation[field].trim();
    }
    base.conversation.source = conversation.source === 'selector' ? 'selector' : 'url';
    return base;
  }

  // Chrome's match patterns (developer.chrome.com/docs/extensions/develop/concepts/match-patterns):
  // scheme://host/path, "*" for http(s), "*.example.com", an optional port.
  const PATTERN = /^(\*|https?):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:(\*|\d{1,5}))?(\/.*)$/;

  function isValidMatchPattern(pattern) {
    return typeof pattern === 'string' && PATTERN.test(pattern);
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function matchPatternToRegExp(pattern) {
    const parts = PATTERN.exec(pattern);
    if (!parts)
      return null;
    const [, scheme, host, , port, path] = parts;
    const schemeRe = scheme === '*' ? 'https?' : scheme;
    let hostRe;
    if (host === '*')
      hostRe = '[^/:]+';
    else if (host.startsWith('*.'))
      hostRe = '(?:[^/:]+\\.)?' + escapeRegExp(host.slice(2));
    else
      hostRe = escapeRegExp(host);
    // Without a port the pattern matches any port, as Chrome's do.
    const portRe = port === undefined || port === '*' ? '(?::\\d+)?' : ':' + port;
    const pathRe = path.split('*').map(escapeRegExp).join('.*');
    return new RegExp('^' + schemeRe + '://' + hostRe + portRe + pathRe + '$', 'i');
  }

  function urlMatches(patterns, url) {
    let bare = url;
    try {
      const parsed = new URL(url);
      bare = parsed.origin + parsed.pathname + parsed.search; // match patterns ignore #fragments
    } catch (e) {
      return false;
    }
    return patterns.some(pattern => {
      const re = matchPatternToRegExp(pattern);
      return re !== null && re.test(bare);
    });
  }

  // The first console whose patterns match the page at url, or null.
  function consoleFor(consoles, url) {
    return consoles.find(c => urlMatches(c.matches, url)) || null;
  }

  async function managedSettings() {
    try {
      return (await chrome.storage.managed.get(null)) || {};
    } catch (e) {
      return {}; // no policy, or a browser without managed storage
    }
  }

  // The settings in effect, and which of them an administrator fixed by policy.
  async function loadConfig() {
    const [local, managed] = await Promise.all([
      chrome.storage.local.get(['bridgePort', 'bridgeToken', 'consoles']), managedSettings()]);
    const pick = key => (managed[key] !== undefined ? managed[key] : local[key]);
    const port = Number(pick('bridgePort'));
    const consoles = pick('consoles');
    return {
      port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_PORT,
      token: typeof local.bridgeToken === 'string' ? local.bridgeToken.trim() : '',
      consoles: Array.isArray(consoles) ? consoles.map(normaliseConsole) : [],
      managed: {
        bridgePort: managed.bridgePort !== undefined,
        consoles: managed.consoles !== undefined,
      },
    };
  }

  function clampId(id) {
    // Control and format characters are refused by the bridge; they are never part of an id.
    const cleaned = String(id).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '').trim();
    return cleaned.slice(0, MAX_ID_LENGTH);
  }

  globalThis.RefundGuard = Object.freeze({
    DEFAULT_PORT,
    MAX_TEXT_LENGTH,
    PRESETS,
    clone,
    normaliseConsole,
    isValidMatchPattern,
    matchPatternToRegExp,
    urlMatches,
    consoleFor,
    loadConfig,
    clampId,
  });
})();
