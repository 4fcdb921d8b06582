// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Runs in a console page the user configured (after shared.js). Watches the page with a
// MutationObserver, reads its chat messages with the console's selectors and hands the ones
// not yet delivered to the service worker, which posts them to the Refund Guard bridge. Keeps
// no token and makes no network request of its own: the page's origin is not the extension's,
// and the bridge admits only allowlisted origins.
'use strict';

(() => {
  if (globalThis.__refundGuardConsole)
    return; // injected twice (registered script and injection into an already open tab)
  globalThis.__refundGuardConsole = true;

  const RG = globalThis.RefundGuard;
  const SCAN_DELAY_MS = 150;
  const RETRY_MIN_MS = 2000;
  const RETRY_MAX_MS = 30000;

  let consoleConfig = null;
  let observer = null;
  let scanTimer = null;
  let retryTimer = null;
  let retryDelay = RETRY_MIN_MS;
  let inFlight = false;
  let scanAgain = false;
  let stopped = false;
  // Keys the service worker confirmed: delivered now or earlier (it remembers across reloads).
  const confirmed = new Set();
  // The conversation each message element was first seen in. A single-page console changes its
  // address before it replaces the message list: the old list's elements must not be taken for
  // the new conversation's.
  const seenIn = new WeakMap();
  let lastConversationId = '';
  const SWITCH_SETTLE_MS = 400;

  function matchesOrContains(element, selector) {
    if (!selector)
      return false;
    try {
      return element.matches(selector) || element.querySelector(selector) !== null;
    } catch (e) {
      return false; // an invalid selector matches nothing
    }
  }

  function roleOf(item, c) {
    // The item's own classes decide before anything inside it does.
    const own = [['customer', c.customer], ['agent', c.agent], ['system', c.system]];
    for (const [role, selector] of own) {
      try {
        if (selector && item.matches(selector))
          return role;
      } catch (e) {
        // invalid selector: try the next
      }
    }
    for (const [role, selector] of own) {
      try {
        if (selector && item.querySelector(selector))
          return role;
      } catch (e) {
        // invalid selector: try the next
      }
    }
    return null;
  }

  function textOf(item, c) {
    let node = item;
    if (c.text) {
      let nodes = [];
      try {
        nodes = item.querySelectorAll(c.text);
      } catch (e) {
        return '';
      }
      if (nodes.length === 0)
        return '';
      node = nodes[nodes.length - 1];
    }
    const raw = typeof node.innerText === 'string' ? node.innerText : node.textContent || '';
    return raw.replace(/\u00a0/g, ' ').trim().slice(0, RG.MAX_TEXT_LENGTH);
  }

  function conversationIdOf(c) {
    const conversation = c.conversation;
    let id = '';
    if (conversation.source === 'selector') {
      if (!conversation.selector)
        return '';
      let element = null;
      try {
        element = document.querySelector(conversation.selector);
      } catch (e) {
        return '';
      }
      if (!element)
        return '';
      id = conversation.attribute ? element.getAttribute(conversation.attribute) || ''
                                  : element.textContent || '';
    } else {
      if (!conversation.pattern)
        return '';
      let match = null;
      try {
        match = new RegExp(conversation.pattern).exec(location.href);
      } catch (e) {
        return '';
      }
      if (!match)
        return '';
      id = conversation.template
               ? conversation.template.replace(/\$(\d)/g, (_, n) => match[Number(n)] ?? '')
               : match[1] ?? match[0];
    }
    return RG.clampId(id);
  }

  // A short, stable stand-in for a message without an id attribute (cyrb53), so that neither
  // the key sent to the service worker nor what it stores carries the message's text.
  function fingerprint(text) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  }

  // The page's messages in document order, as bridge events with their keys.
  function collect() {
    const c = consoleConfig;
    const conversationId = conversationIdOf(c);
    if (!conversationId || !c.item)
      return [];
    let scope = null;
    try {
      scope = c.container ? document.querySelector(c.container) : null;
    } catch (e) {
      scope = null;
    }
    scope = scope || document.body;
    let items = [];
    try {
      items = scope.querySelectorAll(c.item);
    } catch (e) {
      return [];
    }
    const repeats = new Map();
    const messages = [];
    for (const item of items) {
      const owner = seenIn.get(item);
      if (owner === undefined)
        seenIn.set(item, conversationId);
      else if (owner !== conversationId)
        continue;
      if (matchesOrContains(item, c.skip))
        continue;
      const role = roleOf(item, c);
      if (!role)
        continue;
      let id = c.messageIdAttribute ? item.getAttribute(c.messageIdAttribute) : null;
      // Reading the text lays the page out: not again for messages already delivered.
      if (id && confirmed.has(conversationId + '\u0000' + id))
        continue;
      const text = textOf(item, c);
      if (!text)
        continue;
      if (!id) {
        const print = fingerprint(role + '\u0000' + text);
        const n = (repeats.get(print) || 0) + 1;
        repeats.set(print, n);
        id = 'fp:' + print + ':' + n;
      }
      messages.push({
        key: conversationId + '\u0000' + id,
        event: {type: 'message', conversation_id: conversationId, role, text},
      });
    }
    return messages;
  }

  function schedule(delay = SCAN_DELAY_MS) {
    if (stopped || scanTimer !== null)
      return;
    scanTimer = setTimeout(() => {
      scanTimer = null;
      scan();
    }, delay);
  }

  function retryLater() {
    if (retryTimer !== null)
      return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      scan();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

  function stop() {
    stopped = true;
    if (observer)
      observer.disconnect();
  }

  async function scan() {
    if (stopped || !consoleConfig)
      return;
    if (inFlight) {
      scanAgain = true;
      return;
    }
    // Just switched conversations: give the console time to show the new one's messages.
    const conversationId = conversationIdOf(consoleConfig);
    if (conversationId !== lastConversationId) {
      lastConversationId = conversationId;
      if (conversationId) {
        schedule(SWITCH_SETTLE_MS);
        return;
      }
    }
    const pending = collect().filter(m => !confirmed.has(m.key));
    if (pending.length === 0)
      return;
    inFlight = true;
    try {
      const reply = await chrome.runtime.sendMessage({type: 'rg-messages', messages: pending});
      for (const key of (reply && reply.done) || [])
        confirmed.add(key);
      if (reply && reply.notConsole)
        configure(); // the console was removed from the settings
      else if (!reply || reply.error)
        retryLater();
      else
        retryDelay = RETRY_MIN_MS;
    } catch (e) {
      // The extension was reloaded or removed: this copy of the script is orphaned.
      if (!chrome.runtime || !chrome.runtime.id)
        stop();
      else
        retryLater();
    } finally {
      inFlight = false;
      if (scanAgain) {
        scanAgain = false;
        schedule();
      }
    }
  }

  // The console settings come from the service worker: the extension's storage, which holds the
  // token, is closed to content scripts.
  async function configure() {
    let reply = null;
    try {
      reply = await chrome.runtime.sendMessage({type: 'rg-console'});
    } catch (e) {
      if (!chrome.runtime || !chrome.runtime.id)
        stop(); // the extension was reloaded or removed
      else
        setTimeout(configure, RETRY_MIN_MS);
      return;
    }
    consoleConfig = reply && reply.console ? RG.normaliseConsole(reply.console) : null;
    if (!consoleConfig) {
      if (observer)
        observer.disconnect();
      observer = null;
      return;
    }
    if (!observer) {
      // The whole document: single-page consoles replace their message list when the agent
      // switches conversations, and an observer on a replaced node would see nothing more.
      observer = new MutationObserver(() => schedule());
      observer.observe(document.documentElement,
                       {childList: true, subtree: true, characterData: true});
    }
    schedule(0);
  }

  chrome.runtime.onMessage.addListener((message, sender) => {
    if (!stopped && sender.id === chrome.runtime.id && message && message.type === 'rg-reconfigure')
      configure();
  });
  configure();
})();
