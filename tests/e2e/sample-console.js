// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sample console's behaviour: messages arrive as DOM nodes, as they do in a real console.
'use strict';

(() => {
  const chat = document.getElementById('chat');
  const list = document.getElementById('messageList');
  const params = new URLSearchParams(location.search);
  if (params.get('conversation'))
    chat.dataset.conversationId = params.get('conversation');
  document.getElementById('conversationLabel').textContent = chat.dataset.conversationId;
  let next = 1;

  // Appends one message; author is customer, agent or system. Answers the message's id.
  function addMessage(author, text) {
    const id = `m${next++}`;
    const item = document.createElement('li');
    item.className = 'message';
    item.dataset.author = author;
    item.dataset.messageId = id;
    const who = document.createElement('span');
    who.className = 'author';
    who.textContent = author;
    const body = document.createElement('p');
    body.className = 'text';
    body.textContent = text;
    item.append(who, body);
    list.append(item);
    return id;
  }

  // A "customer is typing" row, which the preset skips.
  function setTyping(typing) {
    let row = list.querySelector('li.typing');
    if (typing && !row) {
      row = document.createElement('li');
      row.className = 'message typing';
      row.dataset.author = 'customer';
      row.innerHTML = '<p class="text">…</p>';
      list.append(row);
    } else if (!typing && row) {
      row.remove();
    }
  }

  document.getElementById('composer').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('messageInput');
    if (input.value.trim())
      addMessage(document.getElementById('authorSelect').value, input.value.trim());
    input.value = '';
  });

  window.sampleConsole = {addMessage, setTyping};
})();
