// SPDX-FileCopyrightText: 2026 Refund Guard contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// End-to-end: the browser extension (installer/browser-extension) in Debian's Chromium, headless,
// configured on its options page, reads a sample console page and a Chatwoot fixture served on
// 127.0.0.1 and forwards their messages to the bridge of a real, running `refundguard`
// (offscreen); the app's live sessions must then hold each message exactly once and show the
// findings `refundguard-cli scan` finds in the same conversations. The app is observed through
// its hidden --print-judgements option: one line of scan JSON each time a live session is judged.
//
// usage: node extension.e2e.mjs --app PATH/refundguard --cli PATH/refundguard-cli
//                                --extension DIR [--chromium PATH]
// Exit 0 passed, 1 failed, 77 skipped (no Chromium or no node_modules; with CI=true that fails).

import {spawn, spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
// The extension's id, fixed by the "key" in its manifest.json.
const EXTENSION_ID = 'bjaidajjnodgkfmgfpadpjkdgjkkifmd';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const STEP_TIMEOUT_MS = 20000;

const started = Date.now();
function log(message) {
  console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

function skipOrFail(reason) {
  if (process.env.CI === 'true') {
    console.error(`e2e: FAIL (CI=true, so not skipped): ${reason}`);
    process.exit(1);
  }
  console.log(`e2e: SKIP: ${reason}`);
  process.exit(SKIP);
}

function parseArgs(argv) {
  const args = {chromium: process.env.RG_CHROMIUM || '/usr/bin/chromium'};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!['app', 'cli', 'extension', 'chromium'].includes(name) || i + 1 >= argv.length) {
      console.error(`e2e: unknown or incomplete argument ${argv[i]}`);
      process.exit(2);
    }
    args[name] = argv[++i];
  }
  if (!args.app || !args.cli || !args.extension) {
    console.error('usage: node extension.e2e.mjs --app PATH --cli PATH --extension DIR '
                  + '[--chromium PATH]');
    process.exit(2);
  }
  return args;
}

async function waitFor(what, predicate, timeoutMs = STEP_TIMEOUT_MS, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await predicate();
    if (value)
      return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function health(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/v1/health`);
    return response.ok;
  } catch (e) {
    return false;
  }
}

// The refundguard sidebar, offscreen, with everything it keeps in dir: settings (bridge port and
// the extension's origin on the allowlist), data folder (journal, audit log, key) and token.
function startApp(appPath, dir, bridgePort) {
  const settings = path.join(dir, 'refundguard.ini');
  fs.writeFileSync(settings,
                   `[bridge]\nport=${bridgePort}\nallowedOrigins=${EXTENSION_ORIGIN}\n`);
  const env = {
    ...process.env,
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    RG_BRIDGE_TOKEN_FILE: path.join(dir, 'bridge.token'),
    RG_AUDIT_KEY: path.join(dir, 'audit-signing.key'),
    RG_LOG_LEVEL: 'info',
    QT_QPA_PLATFORM: 'offscreen',
  };
  const app = spawn(appPath, ['-platform', 'offscreen', '--settings', settings,
                              '--agent-id', 'e2e-agent', '--print-judgements'],
                    {env, stdio: ['ignore', 'pipe', 'pipe']});
  const state = {judgements: [], stderr: [], exited: null};
  readline.createInterface({input: app.stdout}).on('line', line => {
    try {
      state.judgements.push(JSON.parse(line));
    } catch (e) {
      // "first-paint" and the like
    }
  });
  readline.createInterface({input: app.stderr}).on('line', line => state.stderr.push(line));
  app.on('exit', (code, signal) => { state.exited = signal || code; });
  return {app, state};
}

function stopApp(app) {
  return new Promise(resolve => {
    if (app.exitCode !== null || app.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => app.kill('SIGKILL'), 5000);
    app.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    app.kill('SIGTERM');
  });
}

// The sample console's conversation, message by message. The last one arrives after the page
// was reloaded and showed the first three again, as a console does: the extension must not send
// those twice, so the app's transcript is exactly these four.
const SAMPLE = [
  ['customer', 'Hi, my order 114-2283917 never arrived.'],
  ['agent', 'Sorry to hear that. Let me check the tracking for you.'],
  ['customer', 'I need this refunded right now, I am in a hurry.'],
];
const SAMPLE_AFTER_RELOAD = ['customer', 'My manager said you can just mark it lost in transit and refund it.'];
// Cues the default rule pack finds in it (at these turns): a floor, so that the comparison with
// refundguard-cli below can never pass on two empty lists.
const SAMPLE_REQUIRED = [{turn: 0, cue: 'claim_non_receipt'}, {turn: 3, cue: 'process_steering'}];

// The Chatwoot fixture's texts. The quoted reply, the activity line and the private note must not
// reach the app: it gets exactly the three messages of CHATWOOT_TRANSCRIPT.
const CHATWOOT_TEXTS = {
  CUSTOMER_1: 'The box arrived empty, I want a full refund to a gift card.',
  QUOTED: 'Please do it right now, I am a lawyer and I will report you.',
  AGENT_1: 'I can help with that.',
  CUSTOMER_2: 'Please do it right now, I am a lawyer and I will report you.',
  PRIVATE: 'Customer sounds coached, mark it lost in transit anyway.',
};
const CHATWOOT_CONVERSATION = 'chatwoot:3:1234';
const CHATWOOT_TRANSCRIPT = [
  ['customer', CHATWOOT_TEXTS.CUSTOMER_1],
  ['agent', CHATWOOT_TEXTS.AGENT_1],
  ['customer', CHATWOOT_TEXTS.CUSTOMER_2],
];

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}

// The sample console and the Chatwoot fixture (at a Chatwoot conversation's address), nothing
// else, on 127.0.0.1.
function serveConsoles() {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url, 'http://127.0.0.1').pathname;
    let body = null;
    let type = 'text/html; charset=utf-8';
    if (pathname === '/sample-console.html') {
      body = fs.readFileSync(path.join(here, 'sample-console.html'));
    } else if (pathname === '/sample-console.js') {
      body = fs.readFileSync(path.join(here, 'sample-console.js'));
      type = 'text/javascript; charset=utf-8';
    } else if (pathname === '/app/accounts/3/conversations/1234') {
      body = fs.readFileSync(path.join(here, 'chatwoot-console.html'), 'utf8')
                 .replace(/\b(CUSTOMER_1|QUOTED|AGENT_1|CUSTOMER_2|PRIVATE)\b/g,
                          name => escapeHtml(CHATWOOT_TEXTS[name]));
    }
    if (body === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {'Content-Type': type, 'Cache-Control': 'no-store'});
    response.end(body);
  });
  return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// What `refundguard-cli scan` finds in the transcript: what the app's session must show when
// the extension forwarded exactly these messages.
function scanExpectation(cliPath, id, transcript) {
  const line = JSON.stringify({id, messages: transcript.map(([role, text]) => ({role, text}))});
  const scan = spawnSync(cliPath, ['scan', '-'], {input: line + '\n', encoding: 'utf8'});
  if (scan.status !== 0)
    throw new Error(`refundguard-cli scan failed (${scan.status}): ${scan.stderr}`);
  return JSON.parse(scan.stdout);
}

const findingKey = f => `${f.turn}|${f.cue}|${f.rule}|${f.start}|${f.end}|${f.evidence}`;

function sameFindings(a, b) {
  const left = a.findings.map(findingKey).sort();
  const right = b.findings.map(findingKey).sort();
  return left.length === right.length && left.every((key, i) => key === right[i]);
}

function judgementsOf(state, id) {
  return state.judgements.filter(j => j.id === id);
}

// Waits until the app judged conversation id `count` times (once per message it received), then
// a little longer, so that a message sent twice would show; checks the count and that the last
// judgement shows what refundguard-cli finds in `transcript`.
async function expectSession(state, cliPath, id, transcript) {
  await waitFor(`${transcript.length} messages of ${id} in the app`,
                () => judgementsOf(state, id).length >= transcript.length);
  await new Promise(resolve => setTimeout(resolve, 1000));
  const mine = judgementsOf(state, id);
  if (mine.length !== transcript.length) {
    throw new Error(`the app received ${mine.length} messages of ${id}, expected `
                    + `${transcript.length}: a message was sent twice, or one that should be `
                    + 'skipped was not');
  }
  const last = mine[mine.length - 1];
  const expected = scanExpectation(cliPath, id, transcript);
  if (!sameFindings(last, expected) || last.level !== expected.level) {
    throw new Error(`the app's session of ${id} shows ${JSON.stringify(last)}; refundguard-cli `
                    + `finds ${JSON.stringify(expected)} in the messages the console showed`);
  }
  log(`the app's session of ${id} shows ${last.findings.map(f => `${f.cue}@${f.turn}`).join(', ')}`
      + ` (risk ${last.risk}, ${last.level}), as refundguard-cli does`);
  return last;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  try {
    fs.accessSync(args.chromium, fs.constants.X_OK);
  } catch (e) {
    skipOrFail(`no Chromium at ${args.chromium} (apt-get install chromium; or set RG_CHROMIUM)`);
  }
  let chromium;
  try {
    ({chromium} = await import('playwright-core'));
  } catch (e) {
    skipOrFail(`playwright-core is not installed (npm ci --prefix ${here}): ${e.message}`);
  }
  for (const program of [args.app, args.cli]) {
    if (!fs.existsSync(program))
      throw new Error(`no ${program}; build refundguard and refundguard-cli first`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-e2e-'));
  let app = null;
  let appState = null;
  let context = null;
  let consoleServer = null;
  try {
    const bridgePort = await freePort();
    ({app, state: appState} = startApp(args.app, dir, bridgePort));
    // Its log line says the bridge is its own (and not another program's that took the port).
    await waitFor('the app\'s bridge', async () => {
      if (appState.exited !== null)
        throw new Error(`refundguard exited (${appState.exited})`);
      return appState.stderr.some(line => line.includes(`bridge listening on 127.0.0.1:${bridgePort}`))
             && health(bridgePort);
    });
    const token = fs.readFileSync(path.join(dir, 'bridge.token'), 'utf8').trim();
    log(`refundguard is up, bridge on 127.0.0.1:${bridgePort}`);

    consoleServer = await serveConsoles();
    const consoleOrigin = `http://127.0.0.1:${consoleServer.address().port}`;

    const extension = path.resolve(args.extension);
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: args.chromium,
      headless: false, // --headless=new below: Playwright's own headless flag loads no extensions
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
      ],
    });
    const worker = context.serviceWorkers()[0]
                   || await context.waitForEvent('serviceworker', {timeout: STEP_TIMEOUT_MS});
    const workerId = new URL(worker.url()).host;
    if (workerId !== EXTENSION_ID)
      throw new Error(`the extension's id is ${workerId}, not ${EXTENSION_ID}: check manifest.json's key`);
    log(`extension ${EXTENSION_ID} loaded`);

    // Configure it as a user would, on its options page: the bridge, a Chatwoot console (its
    // preset, pointed at the fixture's address) and the sample console.
    const options = await context.newPage();
    await options.goto(`${EXTENSION_ORIGIN}/options.html`);
    await options.waitForSelector('body[data-state="ready"]');
    await options.fill('#bridgePortInput', String(bridgePort));
    await options.fill('#bridgeTokenInput', token);
    await options.selectOption('#presetSelect', 'chatwoot');
    await options.click('#addConsoleButton');
    await options.fill('#consolesList fieldset:nth-of-type(1) .matches',
                       'http://127.0.0.1/app/accounts/*');
    await options.selectOption('#presetSelect', 'sample');
    await options.click('#addConsoleButton');
    await options.click('#checkButton');
    await options.waitForFunction(
        () => !/^(|Checking…)$/.test(document.getElementById('checkStatusLabel').textContent),
        null, {timeout: STEP_TIMEOUT_MS});
    const check = await options.textContent('#checkStatusLabel');
    if (!check.includes('the token is accepted'))
      throw new Error(`the options page's connection check failed: ${check}`);
    await options.click('#saveButton');
    await options.waitForFunction(
        () => document.getElementById('saveStatusLabel').textContent.length > 0, null,
        {timeout: STEP_TIMEOUT_MS});
    const saved = await options.textContent('#saveStatusLabel');
    if (!saved.includes('Watching 2 console(s)'))
      throw new Error(`saving the options failed: ${saved}`);
    log(`options: "${check}"; "${saved}"`);

    // The sample console: messages arrive one by one, between "typing" rows the preset skips.
    const conversationId = `e2e-${randomBytes(4).toString('hex')}`;
    const page = await context.newPage();
    await page.goto(`${consoleOrigin}/sample-console.html?conversation=${conversationId}`);
    for (const message of SAMPLE) {
      await page.evaluate(() => window.sampleConsole.setTyping(true));
      await page.waitForTimeout(50);
      await page.evaluate(([role, text]) => {
        window.sampleConsole.setTyping(false);
        window.sampleConsole.addMessage(role, text);
      }, message);
    }
    await waitFor(`${SAMPLE.length} messages of ${conversationId} in the app`,
                  () => judgementsOf(appState, conversationId).length >= SAMPLE.length);
    // A reload, after which the console shows its history again (same message ids), then a new
    // message.
    await page.reload();
    await page.evaluate(([history, next]) => {
      for (const [role, text] of history)
        window.sampleConsole.addMessage(role, text);
      window.sampleConsole.addMessage(...next);
    }, [SAMPLE, SAMPLE_AFTER_RELOAD]);
    const sample = await expectSession(appState, args.cli, conversationId,
                                       [...SAMPLE, SAMPLE_AFTER_RELOAD]);
    for (const required of SAMPLE_REQUIRED) {
      if (!sample.findings.some(f => f.turn === required.turn && f.cue === required.cue))
        throw new Error(`no ${required.cue} at turn ${required.turn} in ${JSON.stringify(sample)}`);
    }

    // The Chatwoot preset on the fixture: history present at load.
    await page.goto(`${consoleOrigin}/app/accounts/3/conversations/1234`);
    await expectSession(appState, args.cli, CHATWOOT_CONVERSATION, CHATWOOT_TRANSCRIPT);

    const delivery = await options.evaluate(
        async () => (await chrome.storage.session.get('status')).status);
    const sent = SAMPLE.length + 1 + CHATWOOT_TRANSCRIPT.length;
    if (!delivery || delivery.delivered !== sent || delivery.lastError)
      throw new Error(`the extension reports ${JSON.stringify(delivery)}, expected ${sent} delivered`);
    log('e2e: PASS');
  } catch (error) {
    console.error(`e2e: FAIL: ${error.message}`);
    if (appState) {
      console.error('--- refundguard standard error (last 30 lines) ---');
      console.error(appState.stderr.slice(-30).join('\n'));
      console.error('--- judgements ---');
      for (const j of appState.judgements)
        console.error(JSON.stringify(j));
    }
    process.exitCode = 1;
  } finally {
    if (context)
      await context.close().catch(() => {});
    if (consoleServer)
      consoleServer.close();
    if (app)
      await stopApp(app);
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

await main();
