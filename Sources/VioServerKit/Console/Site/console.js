// The Vio console: the status from /console/status, kept current by /console/events, and the
// sandbox chat through /console/sandbox. Everything the server sends is shown as text, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function when(date) {
  if (!date) return "—";
  const seconds = Math.max(0, Math.round((Date.now() - new Date(date).getTime()) / 1000));
  return `${duration(seconds)} ago`;
}

function duration(seconds) {
  const days = Math.floor(seconds / 86400), hours = Math.floor(seconds % 86400 / 3600);
  const minutes = Math.floor(seconds % 3600 / 60), rest = seconds % 60;
  if (days) return `${days}d ${hours}h`;
  if (hours) return `${hours}h ${minutes}m`;
  if (minutes) return `${minutes}m ${rest}s`;
  return `${rest}s`;
}

let status = null;
let statusArrived = 0;

function show(next) {
  status = next;
  statusArrived = Date.now();
  $("version").textContent = `vio-server ${next.version}`;
  $("access").textContent = `console: ${next.access}`;
  $("store").textContent = next.store + (next.storeReady ? "" : " (not ready)");
  $("events-handled").textContent = next.eventsHandled;
  $("events-dropped").textContent = next.eventsDropped;

  const open = next.checklist.filter((step) => !step.done);
  $("checklist-section").hidden = open.length === 0;
  $("checklist").replaceChildren(...next.checklist.map((step) => {
    const item = element("li", step.done ? "done" : "", step.title);
    if (step.next) item.append(element("span", "next", `${step.next} (README: ${step.readme})`));
    return item;
  }));

  $("no-bots").hidden = next.bots.length > 0;
  $("bots").replaceChildren(...next.bots.map((bot) => {
    const row = element("tr");
    row.dataset.account = bot.account;
    const cells = [bot.name, bot.connection, bot.implementation || "—", when(bot.connectedSince)];
    for (const text of cells) row.append(element("td", "", text));
    for (const count of [bot.eventsIn, bot.actionsOut, bot.actionsFailed, bot.actionsTimedOut]) row.append(element("td", "number", count));
    row.append(element("td", "", when(bot.lastEventAt)));
    return row;
  }));

  $("no-models").hidden = next.models.length > 0;
  $("models").replaceChildren(...next.models.map((model) => {
    const latency = model.recentMedianMilliseconds === null || model.recentMedianMilliseconds === undefined
      ? "no request yet" : `median ${model.recentMedianMilliseconds} ms lately`;
    const item = element("li", "", `${model.role}: ${model.model} at ${model.host} · ${model.requests} requests, ${model.failures} failed · ${latency}`);
    if (model.lastFailure) item.append(element("div", "bubble error", `last failure: ${model.lastFailure}`));
    return item;
  }));

  $("parts").replaceChildren(...next.parts.map((part) => {
    const item = element("li", part.on ? "on" : "off", `${part.name}: `);
    item.append(element("span", "meta", part.detail));
    return item;
  }));
  tick();
}

function tick() {
  if (!status) return;
  $("uptime").textContent = duration(status.uptimeSeconds + Math.round((Date.now() - statusArrived) / 1000));
}

function follow() {
  const events = new EventSource("/console/events");
  events.addEventListener("status", (event) => {
    $("live").className = "live on";
    $("live").textContent = "live";
    show(JSON.parse(event.data));
  });
  events.onerror = () => {
    $("live").className = "live off";
    $("live").textContent = "reconnecting";
  };
}

// Features: each one's default and the chats that switched it; a switch for one chat.
function showFeatures(features) {
  $("features").replaceChildren(...features.map((feature) => {
    const row = element("tr");
    const name = element("td", "", `${feature.id} — ${feature.name}`);
    name.title = feature.summary;
    row.append(name, element("td", feature.onByDefault ? "on" : "off", feature.switchable ? (feature.onByDefault ? "on" : "off") : "always on"));
    const chats = element("td");
    if (feature.switched.length === 0) chats.textContent = "—";
    for (const switched of feature.switched) {
      chats.append(element("span", `switched ${switched.on ? "on" : "off"}`, `${switched.platform} ${switched.chat} ${switched.id}`));
    }
    row.append(chats);
    return row;
  }));
  const choice = $("switch-feature");
  const chosen = choice.value;
  choice.replaceChildren(...features.filter((feature) => feature.switchable).map((feature) => {
    const option = element("option", "", feature.id);
    option.value = feature.id;
    return option;
  }));
  if (chosen) choice.value = chosen;
}

async function loadFeatures() {
  const response = await fetch("/console/features");
  if (response.ok) showFeatures(await response.json());
  else $("switch-result").textContent = `${response.status}: ${await response.text()}`;
}

async function switchFeature(event) {
  event.preventDefault();
  const change = {
    feature: $("switch-feature").value, platform: $("switch-platform").value, chat: $("switch-chat").value,
    id: $("switch-id").value.trim(), on: $("switch-on").value === "true",
  };
  const response = await fetch("/console/features", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(change),
  });
  if (!response.ok) {
    $("switch-result").textContent = `${response.status}: ${await response.text()}`;
    return;
  }
  $("switch-result").textContent = `${change.feature} is ${change.on ? "on" : "off"} in ${change.platform} ${change.chat} ${change.id}.`;
  showFeatures(await response.json());
}

// The sandbox: one browser, one user, remembered across reloads.
function sessionID() {
  let id = localStorage.getItem("vio-sandbox-session");
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    localStorage.setItem("vio-sandbox-session", id);
  }
  return id;
}

// What the sandbox showed, kept in this browser so a reload shows it again (the bot's memory of the
// conversation is in vio-server's store either way). Pictures sent as bytes are not kept.
const savedLog = "vio-sandbox-log";
const savedBubbles = 100;

function showBubble(entry) {
  const bubble = element("div", `bubble ${entry.className}`, entry.text);
  for (const source of entry.images || []) {
    const picture = element("img");
    picture.src = source;
    picture.alt = "picture";
    bubble.append(picture);
  }
  for (const source of entry.sounds || []) {
    const sound = element("audio");
    sound.controls = true;
    sound.src = source;
    bubble.append(sound);
  }
  $("sandbox-log").append(bubble);
  $("sandbox-log").scrollTop = $("sandbox-log").scrollHeight;
}

function readLog() {
  try {
    return JSON.parse(localStorage.getItem(savedLog) || "[]");
  } catch {
    return [];
  }
}

function say(className, text, images = [], sounds = []) {
  const entry = { className, text, images, sounds };
  showBubble(entry);
  const linked = (sources) => sources.filter((source) => !source.startsWith("data:"));
  const kept = { className, text, images: linked(images), sounds: linked(sounds) };
  try {
    localStorage.setItem(savedLog, JSON.stringify(readLog().concat([kept]).slice(-savedBubbles)));
  } catch {
    // A full storage only means the next reload shows less.
  }
}

async function send(event) {
  event.preventDefault();
  const input = $("sandbox-input"), button = $("sandbox-send");
  const text = input.value.trim();
  if (!text) return;
  say("user", text);
  input.value = "";
  button.disabled = true;
  try {
    const response = await fetch("/console/sandbox", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ session: sessionID(), text, group: $("sandbox-group").checked }),
    });
    if (!response.ok) {
      say("error", `${response.status}: ${await response.text()}`);
      return;
    }
    const answer = await response.json();
    for (const reply of answer.replies) say("bot reply", reply.text, reply.images, reply.sounds);
    for (const applied of answer.applied) say("note", `would ${applied} (not done: this is the sandbox)`);
    for (const failure of answer.modelErrors) say("error", `model error (shown only here): ${failure}`);
    if (answer.replies.length === 0 && answer.applied.length === 0) say("note", "(no answer)");
  } catch (error) {
    say("error", `could not reach vio-server: ${error}`);
  } finally {
    button.disabled = false;
    input.focus();
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  for (const entry of readLog()) showBubble(entry);
  $("sandbox-form").addEventListener("submit", send);
  $("switch-form").addEventListener("submit", switchFeature);
  setInterval(tick, 1000);
  loadFeatures();
  try {
    const response = await fetch("/console/status");
    if (response.ok) show(await response.json());
  } finally {
    follow();
  }
});
