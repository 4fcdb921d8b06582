// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The service worker: registers the content script on the consoles the user configured (and
// granted), and posts the messages those scripts read to the Refund Guard bridge,
// POST http://127.0.0.1:<port>/v1/events with the bearer token. Its requests carry the origin
// chrome-extension://<this extension's id>, which the app's bridge/allowedOrigins must list.
'use strict';

importScripts('shared.js');

const RG = globalThis.RefundGuard;

// How many delivered message keys are remembered (chrome.storage.local), so that reopening a
// conversation does not send its history again.
const MAX_SENT_KEYS = 20000;
const REQUEST_TIMEOUT_MS = 10000;
const ROLES = new Set(['customer', 'agent', 'system']);

// The token and the delivered keys stay out of content scripts' reach (they run in the
// console's renderer process); they get their console's settings by message.
// setAccessLevel works from Chrome 140 (the manifest's minimum); a failure is said, not hidden.
chrome.storage.local.setAccessLevel({accessLevel: 'TRUSTED_CONTEXTS'})
  .catch((error) => console.error('Refund Guard: the token could not be kept from content scripts:', error));

let sentKeys = null; // Set in insertion order, loaded on first use
let deliveries = Promise.resolve();
let registrations = Promise.resolve();

async function loadSentKeys() {
  if (sentKeys === null) {
    const stored = await chrome.storage.local.get('sentKeys');
    sentKeys = new Set(Array.isArray(stored.sentKeys) ? stored.sentKeys : []);
  }
  return sentKeys;
}

async function saveSentKeys() {
  let keys = [...sentKeys];
  if (keys.length > MAX_SENT_KEYS) {
    keys = keys.slice(keys.length - MAX_SENT_KEYS);
    sentKeys = new Set(keys);
  }
  await chrome.storage.local.set({sentKeys: keys});
}

// What the options page shows: counts and the last error, never a message's text.
async function recordStatus(update) {
  const {status = {}} = await chrome.storage.session.get('status');
  await chrome.storage.session.set({status: {...status, ...update}});
}

function validMessage(message) {
  const event = message && message.event;
  return !!message && typeof message.key === 'string' && message.key.length > 0 && event
         && event.type === 'message' && typeof event.conversation_id === 'string'
         && event.conversation_id.length > 0 && ROLES.has(event.role)
         && typeof event.text === 'string' && event.text.length > 0;
}

// Posts one message event, or with a null event an empty object (see checkBridge).
async function post(config, event) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await fetch(`http://127.0.0.1:${config.port}/v1/events`, {
      method: 'POST',
      headers: {'Authorization': `Bearer ${config.token}`, 'Content-Type': 'application/json'},
      // Exactly the members of a message event (src/feed/feedevent.cpp); the bridge refuses
      // any other.
      body: event === null ? '{}' : JSON.stringify({
        type: 'message',
        conversation_id: event.conversation_id,
        role: event.role,
        text: event.text,
      }),
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
  } finally {
    clearTimeout(timer);
  }
}

async function errorText(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string')
      return `${response.status}: ${body.error}`;
  } catch (e) {
    // not JSON
  }
  return `HTTP ${response.status}`;
}

// Posts the messages in order and stops at the first that may succeed later (bridge down,
// wrong token, refused origin), so that none overtakes an earlier one. Answers the keys that
// need no more sending: delivered now, delivered before, or refused for good (400, 413).
async function deliver(messages, senderUrl) {
  const config = await RG.loadConfig();
  if (!RG.consoleFor(config.consoles, senderUrl))
    return {done: [], error: 'this page is not a configured console', notConsole: true};
  if (!config.token) {
    await recordStatus({lastError: 'no bridge token set (options page)', lastErrorAt: Date.now()});
    return {done: [], error: 'no bridge token'};
  }
  const keys = await loadSentKeys();
  const done = [];
  let delivered = 0;
  let error = '';
  for (const message of messages) {
    if (!validMessage(message)) {
      if (message && typeof message.key === 'string')
        done.push(message.key); // never valid: not worth a retry
      continue;
    }
    if (keys.has(message.key)) {
      done.push(message.key);
      continue;
    }
    let response;
    try {
      response = await post(config, message.event);
    } catch (e) {
      error = `the bridge at 127.0.0.1:${config.port} is not reachable (is Refund Guard running?)`;
      break;
    }
    if (response.status === 202) {
      keys.add(message.key);
      done.push(message.key);
      ++delivered;
      continue;
    }
    const text = await errorText(response);
    if (response.status === 400 || response.status === 413) {
      // This event will never be accepted: do not retry it, but say so.
      keys.add(message.key);
      done.push(message.key);
      error = `a message was refused: ${text}`;
      continue;
    }
    error = response.status === 401 ? `wrong or missing bridge token (${text})`
            : response.status === 403 ? `the bridge refused this extension (${text}); add `
                                            + `chrome-extension://${chrome.runtime.id} to `
                                            + `bridge/allowedOrigins in Refund Guard's settings`
                                      : text;
    break;
  }
  if (done.length > 0)
    await saveSentKeys();
  const {status = {}} = await chrome.storage.session.get('status');
  const update = {delivered: (status.delivered || 0) + delivered};
  if (delivered > 0)
    update.lastDeliveredAt = Date.now();
  if (error) {
    update.lastError = error;
    update.lastErrorAt = Date.now();
  } else if (delivered > 0) {
    update.lastError = '';
  }
  await recordStatus(update);
  return {done, error};
}

// The consoles' patterns the user granted; the others wait for the permission.
async function grantedPatterns(patterns) {
  const granted = [];
  for (const pattern of patterns) {
    if (!RG.isValidMatchPattern(pattern))
      continue;
    try {
      if (await chrome.permissions.contains({origins: [pattern]}))
        granted.push(pattern);
    } catch (e) {
      // not a pattern Chrome takes
    }
  }
  return granted;
}

// Registers the content script for every configured console, and injects it into tabs that
// already show one (a registered script only runs on pages loaded after it).
async function registerConsoles() {
  const config = await RG.loadConfig();
  const existing = await chrome.scripting.getRegisteredContentScripts();
  if (existing.length > 0)
    await chrome.scripting.unregisterContentScripts({ids: existing.map(s => s.id)});
  const scripts = [];
  const allMatches = [];
  for (const [index, console] of config.consoles.entries()) {
    const matches = await grantedPatterns(console.matches);
    if (matches.length === 0 || !console.item)
      continue;
    allMatches.push(...matches);
    scripts.push({
      id: `console-${index}`,
      matches,
      js: ['shared.js', 'content.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  }
  if (scripts.length > 0)
    await chrome.scripting.registerContentScripts(scripts);
  if (allMatches.length > 0) {
    const tabs = await chrome.tabs.query({url: allMatches});
    for (const tab of tabs) {
      try {
        await chrome.scripting.executeScript(
            {target: {tabId: tab.id}, files: ['shared.js', 'content.js']});
        // A script that was there already reads its (maybe changed) console again.
        await chrome.tabs.sendMessage(tab.id, {type: 'rg-reconfigure'});
      } catch (e) {
        // a tab that cannot be scripted (closed meanwhile, an error page)
      }
    }
  }
  return scripts.map(s => s.id);
}

// Checks the bridge, the origin and the token without sending an event: an empty object is not
// an event, so a bridge that got past the origin and the token answers 400.
async function checkBridge(port, token) {
  const saved = await RG.loadConfig();
  const config = {port: saved.managed.bridgePort || !port ? saved.port : port,
                  token: typeof token === 'string' ? token.trim() : saved.token};
  const where = `127.0.0.1:${config.port}`;
  let response;
  try {
    response = await post(config, null);
  } catch (e) {
    return {ok: false, message: `no bridge at ${where}: is Refund Guard running, on this port?`};
  }
  if (response.status === 400)
    return {ok: true, message: `connected to the bridge at ${where}; the token is accepted`};
  if (response.status === 401)
    return {ok: false, message: `the bridge at ${where} does not accept this token`};
  if (response.status === 403) {
    return {ok: false, message: `the bridge at ${where} refuses this extension: add `
                                    + `chrome-extension://${chrome.runtime.id} to `
                                    + `bridge/allowedOrigins in Refund Guard's settings`};
  }
  return {ok: false, message: `unexpected answer from ${where}: ${await errorText(response)}`};
}

function reregister() {
  registrations = registrations.catch(() => {}).then(registerConsoles);
  return registrations;
}

chrome.runtime.onInstalled.addListener(() => reregister());
chrome.runtime.onStartup.addListener(() => reregister());
chrome.permissions.onAdded.addListener(() => reregister());
chrome.permissions.onRemoved.addListener(() => reregister());
chrome.storage.onChanged.addListener((changes, area) => {
  if ((area === 'local' || area === 'managed') && changes.consoles)
    reregister();
});
chrome.action.onClicked.addListener(() => chrome.runtime.openOptionsPage());

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !message)
    return false;
  // The options page is an extension page (in a tab, too); content scripts run in web pages.
  const fromExtensionPage = typeof sender.url === 'string'
                            && sender.url.startsWith(chrome.runtime.getURL(''));
  if (message.type === 'rg-messages' && !fromExtensionPage && sender.tab
      && Array.isArray(message.messages)) {
    deliveries = deliveries.catch(() => {}).then(() => deliver(message.messages, sender.url));
    deliveries.then(sendResponse, e => sendResponse({done: [], error: String(e)}));
    return true;
  }
  if (message.type === 'rg-console' && !fromExtensionPage && sender.tab) {
    RG.loadConfig().then(config => sendResponse({console: RG.consoleFor(config.consoles, sender.url)}),
                         () => sendResponse({console: null}));
    return true;
  }
  if (message.type === 'rg-apply' && fromExtensionPage) {
    reregister().then(ids => sendResponse({registered: ids}),
                      e => sendResponse({registered: [], error: String(e)}));
    return true;
  }
  if (message.type === 'rg-check' && fromExtensionPage) {
    checkBridge(Number(message.port), message.token).then(sendResponse, e => sendResponse({ok: false, message: String(e)}));
    return true;
  }
  return false;
});
