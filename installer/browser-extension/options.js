// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The options page: the bridge's port and token, and the consoles with their selectors. Saving
// asks for the consoles' host permissions (one prompt for new sites) and has the service worker
// register the content script on them.
'use strict';

const RG = globalThis.RefundGuard;
const $ = id => document.getElementById(id);

let managed = {bridgePort: false, consoles: false};

function setStatus(label, text, kind) {
  label.textContent = text;
  label.className = 'status' + (kind ? ' ' + kind : '');
}

function updateSourceClass(fieldset) {
  const source = fieldset.querySelector('.conversationSource').value;
  fieldset.classList.toggle('source-url', source === 'url');
  fieldset.classList.toggle('source-selector', source === 'selector');
}

function addConsoleCard(console) {
  const fieldset = $('consoleTemplate').content.firstElementChild.cloneNode(true);
  const set = (cls, value) => { fieldset.querySelector('.' + cls).value = value; };
  set('name', console.name);
  set('matches', console.matches.join('\n'));
  for (const field of ['container', 'item', 'customer', 'agent', 'system', 'skip', 'text',
                       'messageIdAttribute'])
    set(field, console[field]);
  set('conversationSource', console.conversation.source);
  set('conversationPattern', console.conversation.pattern);
  set('conversationTemplate', console.conversation.template);
  set('conversationSelector', console.conversation.selector);
  set('conversationAttribute', console.conversation.attribute);
  fieldset.dataset.preset = console.preset;
  fieldset.querySelector('.conversationSource')
      .addEventListener('change', () => updateSourceClass(fieldset));
  fieldset.querySelector('.remove').addEventListener('click', () => fieldset.remove());
  updateSourceClass(fieldset);
  if (managed.consoles)
    fieldset.disabled = true;
  $('consolesList').append(fieldset);
}

function selectorValid(selector) {
  if (!selector)
    return true;
  try {
    document.createDocumentFragment().querySelector(selector);
    return true;
  } catch (e) {
    return false;
  }
}

// The consoles as the form shows them, with the problems found: [consoles, errors].
function readConsoles() {
  const consoles = [];
  const errors = [];
  for (const fieldset of $('consolesList').querySelectorAll('fieldset.console')) {
    const get = cls => fieldset.querySelector('.' + cls).value;
    const console = RG.normaliseConsole({
      name: get('name'),
      preset: fieldset.dataset.preset || 'custom',
      matches: get('matches').split('\n'),
      container: get('container'),
      item: get('item'),
      customer: get('customer'),
      agent: get('agent'),
      system: get('system'),
      skip: get('skip'),
      text: get('text'),
      messageIdAttribute: get('messageIdAttribute'),
      conversation: {
        source: get('conversationSource'),
        pattern: get('conversationPattern'),
        template: get('conversationTemplate'),
        selector: get('conversationSelector'),
        attribute: get('conversationAttribute'),
      },
    });
    const name = console.name || 'a console';
    const mark = (cls, bad, message) => {
      fieldset.querySelector('.' + cls).classList.toggle('invalid', bad);
      if (bad)
        errors.push(`${name}: ${message}`);
    };
    mark('matches', console.matches.length === 0 || !console.matches.every(RG.isValidMatchPattern),
         'pages need match patterns such as https://console.example.com/*');
    for (const field of ['container', 'customer', 'agent', 'system', 'skip', 'text'])
      mark(field, !selectorValid(console[field]), `the ${field} selector is not valid CSS`);
    mark('item', !console.item || !selectorValid(console.item),
         'the message item selector is missing or not valid CSS');
    mark('customer', !console.customer && !console.agent,
         'give a customer or an agent selector');
    if (console.conversation.source === 'url') {
      let valid = !!console.conversation.pattern;
      try {
        new RegExp(console.conversation.pattern);
      } catch (e) {
        valid = false;
      }
      mark('conversationPattern', !valid, 'the address pattern is not a regular expression');
    } else {
      mark('conversationSelector',
           !console.conversation.selector || !selectorValid(console.conversation.selector),
           'the conversation element selector is missing or not valid CSS');
    }
    consoles.push(console);
  }
  return [consoles, errors];
}

async function render() {
  const config = await RG.loadConfig();
  managed = config.managed;
  $('bridgePortInput').value = config.port;
  $('bridgePortInput').disabled = managed.bridgePort;
  $('bridgeTokenInput').value = config.token;
  $('consolesList').replaceChildren();
  for (const console of config.consoles)
    addConsoleCard(console);
  $('addConsoleButton').disabled = managed.consoles;
  $('presetSelect').disabled = managed.consoles;
}

async function showDelivery() {
  const {status} = await chrome.storage.session.get('status');
  if (!status)
    return;
  const parts = [`${status.delivered || 0} message(s) delivered since the browser started`];
  if (status.lastDeliveredAt)
    parts.push(`last at ${new Date(status.lastDeliveredAt).toLocaleTimeString()}`);
  const failing = status.lastError && (!status.lastDeliveredAt
                                       || status.lastErrorAt > status.lastDeliveredAt);
  if (failing)
    parts.push(`last problem: ${status.lastError}`);
  setStatus($('deliveryStatusLabel'), parts.join('; ') + '.', failing ? 'error' : '');
}

// Runs in the click's user gesture: chrome.permissions.request must be its first await.
async function save() {
  const label = $('saveStatusLabel');
  const port = Number($('bridgePortInput').value);
  const [consoles, errors] = readConsoles();
  if (!managed.bridgePort && !(Number.isInteger(port) && port > 0 && port < 65536))
    errors.unshift('the bridge port must be a number from 1 to 65535');
  if (errors.length > 0) {
    setStatus(label, 'Not saved: ' + errors.join('; '), 'error');
    return;
  }
  const origins = [...new Set(consoles.flatMap(c => c.matches))];
  let granted = true;
  if (origins.length > 0) {
    try {
      granted = await chrome.permissions.request({origins});
    } catch (e) {
      setStatus(label, 'Not saved: ' + e.message, 'error');
      return;
    }
  }
  const values = {bridgeToken: $('bridgeTokenInput').value.trim()};
  if (!managed.bridgePort)
    values.bridgePort = port;
  if (!managed.consoles)
    values.consoles = consoles;
  await chrome.storage.local.set(values);
  const reply = await chrome.runtime.sendMessage({type: 'rg-apply'});
  if (reply && reply.error) {
    setStatus(label, 'Saved, but the consoles could not be watched: ' + reply.error, 'error');
    return;
  }
  const watched = reply ? reply.registered.length : 0;
  const note = granted ? '' : ' Without the permission for their pages, some consoles are not read.';
  setStatus(label, `Saved. Watching ${watched} console(s).${note}`, granted ? 'ok' : 'error');
}

async function check() {
  const label = $('checkStatusLabel');
  setStatus(label, 'Checking…', '');
  const reply = await chrome.runtime.sendMessage(
      {type: 'rg-check', port: Number($('bridgePortInput').value), token: $('bridgeTokenInput').value});
  setStatus(label, reply.message, reply.ok ? 'ok' : 'error');
}

$('extensionOriginCode').textContent = `chrome-extension://${chrome.runtime.id}`;
$('addConsoleButton').addEventListener('click', () => {
  addConsoleCard(RG.normaliseConsole(RG.clone(RG.PRESETS[$('presetSelect').value])));
});
$('saveButton').addEventListener('click', () => save());
$('checkButton').addEventListener('click', () => check());
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'session' && changes.status)
    showDelivery();
});
// The form is filled from storage asynchronously; body[data-state=ready] says it is done (and
// until then, Save stays off so that it cannot store a half-filled form).
$('saveButton').disabled = true;
render().then(() => {
  $('saveButton').disabled = false;
  document.body.dataset.state = 'ready';
});
showDelivery();
