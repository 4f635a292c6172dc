// 益阳法治问答 — chat page. Plain JavaScript, no build step.
// Every text from the user or the knowledge base is inserted with textContent, never as HTML.
"use strict";

(function () {
  var log = document.getElementById("log");
  var form = document.getElementById("ask");
  var input = document.getElementById("q");
  var toggle = document.getElementById("topics-toggle");
  var panel = document.getElementById("topics");
  var api = new URL("api/", document.baseURI);
  var session = sessionId();
  var queue = Promise.resolve(); // questions are answered one after another, in order
  var topicsData = null;

  function sessionId() {
    var id = null;
    try { id = window.sessionStorage.getItem("yiyang-session"); } catch (e) { /* storage blocked */ }
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      var bytes = new Uint8Array(16);
      window.crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
      try { window.sessionStorage.setItem("yiyang-session", id); } catch (e) { /* fine */ }
    }
    return id;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function paragraphs(parent, text) {
    String(text || "").split("\n").forEach(function (line) {
      if (line.trim()) parent.appendChild(el("p", null, line));
    });
  }

  function addMessage(className) {
    var item = el("li", "msg " + className);
    log.appendChild(item);
    return item;
  }

  function scrollToEnd(node) {
    if (node.scrollIntoView) node.scrollIntoView({ block: "nearest" });
  }

  function post(path, body) {
    return fetch(new URL(path, api), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(readJson);
  }

  function readJson(response) {
    return response.json().catch(function () { return {}; }).then(function (data) {
      if (!response.ok) throw new Error(data.error || "抱歉，暂时无法回答，请稍后再试。");
      return data;
    });
  }

  // --- asking ---------------------------------------------------------------------

  function ask(question, entryId) {
    question = String(question || "").trim();
    if (!question) return;
    var mine = addMessage("mine");
    mine.textContent = question;
    var pending = addMessage("bot pending");
    pending.setAttribute("aria-busy", "true");
    pending.textContent = "正在查找…";
    scrollToEnd(pending);
    var body = { q: question, session: session };
    if (entryId) body.entry_id = entryId;
    queue = queue.then(function () {
      return post("ask", body).then(function (data) {
        render(pending, data);
      }, function (error) {
        pending.className = "msg bot error";
        pending.textContent = error && error.message && !/fetch|network/i.test(error.message)
          ? error.message : "网络连接失败，请检查网络后再试。";
      }).then(function () {
        pending.removeAttribute("aria-busy");
        scrollToEnd(pending);
      });
    });
  }

  function render(item, data) {
    item.className = "msg bot " + (data.status || "fallback");
    item.textContent = "";
    if (data.status === "answer") renderAnswer(item, data);
    else if (data.status === "clarify") renderClarify(item, data);
    else renderFallback(item, data);
  }

  function renderAnswer(item, data) {
    if (data.answer) {
      var lines = data.answer.split("\n");
      var head = el("p", "head");
      var cut = lines[0].indexOf("：");
      if (cut > 0) {
        head.appendChild(el("span", "name", lines[0].slice(0, cut)));
        head.appendChild(el("strong", "value", lines[0].slice(cut + 1)));
      } else {
        head.appendChild(el("strong", null, lines[0]));
      }
      item.appendChild(head);
      paragraphs(item, lines.slice(1).join("\n"));
      if (data.source) {
        var details = el("details");
        details.appendChild(el("summary", null, "原文与出处"));
        details.appendChild(el("blockquote", null, "“" + data.source + "”"));
        if (data.section) details.appendChild(el("p", "where", "出处：" + data.section));
        item.appendChild(details);
      }
    } else {
      paragraphs(item, data.text); // several answers in one message: the full text
    }
    chips(item, data.suggestions, "相关问题");
    if (data.entry_id) item.appendChild(voteButtons(data.entry_id));
  }

  function renderClarify(item, data) {
    var placed = false;
    String(data.text || "").split("\n").forEach(function (line) {
      if (/^\d+\.\s/.test(line)) {
        if (!placed) chips(item, data.suggestions, null);
        placed = true;
      } else if (line.trim()) {
        item.appendChild(el("p", null, line));
      }
    });
    if (!placed) chips(item, data.suggestions, null);
  }

  function renderFallback(item, data) {
    // "· 问题" lines (examples, related questions) become buttons where they stand
    var byQuestion = {};
    (data.suggestions || []).forEach(function (s) { byQuestion[s.question] = s.id; });
    var run = [];
    function flush() {
      chips(item, run, null);
      run = [];
    }
    String(data.text || "").split("\n").forEach(function (line) {
      if (line.indexOf("· ") === 0) {
        var question = line.slice(2);
        run.push({ question: question, id: byQuestion[question] || null });
      } else {
        flush();
        if (line.trim()) item.appendChild(el("p", null, line));
      }
    });
    flush();
    if (data.topics && data.topics.length) {
      var group = el("div", "chips");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "按主题浏览");
      data.topics.forEach(function (topic) {
        var button = el("button", "chip", "主题：" + topic.title);
        button.type = "button";
        button.addEventListener("click", function () { openTopics(topic.id); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
  }

  function chips(item, suggestions, label) {
    if (!suggestions || !suggestions.length) return;
    if (label) item.appendChild(el("p", "group-label", label));
    var group = el("div", "chips");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", label || "可选的问题");
    suggestions.forEach(function (s) {
      var button = el("button", "chip", s.question);
      button.type = "button";
      button.addEventListener("click", function () { ask(s.question, s.id); });
      group.appendChild(button);
    });
    item.appendChild(group);
  }

  // --- 👍 / 👎 ---------------------------------------------------------------------

  function voteButtons(entryId) {
    var group = el("div", "vote");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "这条回答有帮助吗？");
    [[1, "👍 有帮助"], [-1, "👎 没帮助"]].forEach(function (spec) {
      var button = el("button", null, spec[1]);
      button.type = "button";
      button.addEventListener("click", function () { vote(group, entryId, spec[0]); });
      group.appendChild(button);
    });
    return group;
  }

  function vote(group, entryId, value) {
    Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = true; });
    post("feedback", { entry_id: entryId, vote: value, session: session }).then(function (data) {
      var thanks = el("p", "thanks", data.message || "感谢反馈！");
      thanks.setAttribute("role", "status");
      group.replaceWith(thanks);
    }, function (error) {
      Array.prototype.forEach.call(group.querySelectorAll("button"), function (b) { b.disabled = false; });
      group.appendChild(el("span", "hint", error.message));
    });
  }

  // --- topics ------------------------------------------------------------------------

  function loadTopics() {
    if (!topicsData) {
      topicsData = fetch(new URL("topics", api)).then(readJson);
      topicsData.then(buildTopics, function () {
        document.getElementById("topics-status").textContent = "主题加载失败，请刷新页面重试。";
        topicsData = null;
      });
    }
    return topicsData;
  }

  function buildTopics(data) {
    panel.textContent = "";
    (data.sections || []).forEach(function (section) { panel.appendChild(topicNode(section)); });
  }

  function topicNode(topic) {
    var details = el("details");
    details.dataset.topic = topic.id;
    details.appendChild(el("summary", null, topic.title));
    if (topic.summary) details.appendChild(el("p", "summary", topic.summary));
    (topic.topics || []).forEach(function (child) { details.appendChild(topicNode(child)); });
    if (topic.questions && topic.questions.length) {
      var group = el("div", "chips");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", topic.title + "的问题");
      topic.questions.forEach(function (q) {
        var button = el("button", "chip", q.question);
        button.type = "button";
        button.addEventListener("click", function () {
          closeTopics();
          ask(q.question, q.id);
        });
        group.appendChild(button);
      });
      details.appendChild(group);
    }
    return details;
  }

  function openTopics(topicId) {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    loadTopics().then(function () {
      if (!topicId) return;
      var node = panel.querySelector('details[data-topic="' + CSS.escape(topicId) + '"]');
      for (var up = node; up && up !== panel; up = up.parentElement) {
        if (up.tagName === "DETAILS") up.open = true;
      }
      if (node) {
        node.scrollIntoView({ block: "start" });
        node.querySelector("summary").focus();
      }
    });
  }

  function closeTopics() {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
  }

  // --- start ---------------------------------------------------------------------------

  function welcome() {
    var item = addMessage("bot welcome");
    item.appendChild(el("p", null, "您好！我可以回答《益阳市2023年法治政府建设情况》报告中的问题，所有数字都原样引自报告。"));
    item.appendChild(el("p", null, "直接输入问题，或点下面的例子试试："));
    loadTopics().then(function (data) { chips(item, data.examples, null); }, function () { /* shown in the panel */ });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value;
    if (!question.trim()) return;
    input.value = "";
    ask(question, null);
    input.focus();
  });
  toggle.addEventListener("click", function () {
    if (panel.hidden) openTopics(null);
    else closeTopics();
  });
  welcome();
})();
