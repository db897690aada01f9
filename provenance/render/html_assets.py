"""The inline style sheet and script of the HTML report (``render/html.py``).

Nothing here is built from the report: both are constants, so the page's
Content-Security-Policy can forbid every fetch. The script reads the page's
own DOM only (``data-*`` attributes and hidden elements the renderer wrote,
escaped) and never parses HTML: details are shown by cloning nodes.
"""

CSS = """
:root{--err:#c62828;--warn:#b26a00;--info:#1565c0;--err-bg:#fde0e0;--warn-bg:#fff1c9;--info-bg:#e1ecfb;--line:#d9d9de;--mute:#5f6368}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f1f24;background:#f6f6f8}
header.top{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);padding:8px 18px}
header.top h1{font-size:17px;margin:0 0 2px}
.sig{color:var(--mute);font-size:12px;word-break:break-all}
.filters{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center;margin-top:6px;font-size:13px}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:6px;padding:0}
.filters label{white-space:nowrap;cursor:pointer}
.count{color:var(--mute)}
#shown{font-weight:600}
main{padding:12px 18px 60px;max-width:1500px}
table{border-collapse:collapse;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f3}
td.n{text-align:right;font-variant-numeric:tabular-nums}
section.article{background:#fff;border:1px solid var(--line);border-radius:6px;margin:16px 0;padding:10px 16px}
section.article>h2{font-size:16px;margin:4px 0;word-break:break-all}
.meta{color:var(--mute);font-size:13px}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(280px,2fr);gap:16px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
pre.text{white-space:pre-wrap;word-wrap:break-word;font:15px/1.6 Georgia,"Times New Roman",serif;margin:6px 0;padding:10px;background:#fcfcfd;border:1px solid #ececf0;border-radius:4px}
mark.hl{background:var(--info-bg);color:inherit;border-bottom:2px solid var(--info);cursor:pointer;padding:0}
mark.hl.s-warning{background:var(--warn-bg);border-bottom-color:var(--warn)}
mark.hl.s-error{background:var(--err-bg);border-bottom-color:var(--err)}
mark.hl.multi{border-bottom-style:double;border-bottom-width:3px}
mark.hl.zero::after{content:"\\2038";color:var(--err);font-weight:700}
mark.hl.off{background:none;border-bottom:0;cursor:text}
mark.hl.off.zero::after{content:none}
mark.hl.flash{outline:2px solid #000}
ol.findings{list-style:none;margin:6px 0;padding:0;max-height:80vh;overflow:auto;font-size:13px}
li.finding{border-left:4px solid var(--info);padding:3px 8px;margin:0 0 5px;background:#fafafc;cursor:pointer}
li.finding.s-warning{border-left-color:var(--warn)}
li.finding.s-error{border-left-color:var(--err)}
.sev{font-weight:700;text-transform:uppercase;font-size:11px}
.s-error .sev,.sev.s-error{color:var(--err)}.s-warning .sev,.sev.s-warning{color:var(--warn)}.s-info .sev,.sev.s-info{color:var(--info)}
code,.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.quote{font-family:Georgia,serif;background:#f1f1f4;padding:0 3px}
.sugg{color:#1b5e20}
details{margin:8px 0}
summary{cursor:pointer;font-weight:600}
ul.tree,ul.tree ul{list-style:none;margin:2px 0;padding-left:18px}
ul.tree{padding-left:4px;font-size:13px}
ul.tree li{margin:2px 0}
.kind{display:inline-block;font-size:11px;padding:0 5px;border-radius:8px;background:#ececf3;color:#333}
.k-anonymous{background:#fde0e0}.k-unspecified{background:#fff1c9}
.st-canonical{color:#1b5e20}.st-admitted{color:var(--info)}.st-variant{color:var(--warn)}.st-deprecated,.st-forbidden{color:var(--err);font-weight:700}
.error-box{color:var(--err);font-weight:600}
#detail{position:fixed;right:16px;bottom:16px;width:min(460px,92vw);max-height:60vh;overflow:auto;background:#fff;border:1px solid #999;border-radius:6px;box-shadow:0 6px 24px rgba(0,0,0,.2);padding:10px 12px;z-index:10;font-size:13px}
#detail[hidden]{display:none}
#detail .close{float:right;border:0;background:none;font-size:18px;cursor:pointer;line-height:1}
#detail li.finding{cursor:default}
.ruledoc{border-top:1px solid var(--line);margin-top:6px;padding-top:4px}
.ruledoc p{margin:3px 0}
section.rules .ruledoc{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:8px 0}
.ex{margin:2px 0}
.ex-bad::before{content:"\\2717  ";color:var(--err)}.ex-good::before{content:"\\2713  ";color:#1b5e20}
[hidden]{display:none!important}
"""

JS = """
(function(){
  "use strict";
  var RANK = {info: 1, warning: 2, error: 3};
  var items = {};
  document.querySelectorAll("li.finding[data-f]").forEach(function(li){ items[li.dataset.f] = li; });
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".filters input[type=checkbox]"));
  var detail = document.getElementById("detail");
  var detailBody = document.getElementById("detail-body");

  function allowed(kind){
    var out = {};
    boxes.forEach(function(b){ if (b.dataset.kind === kind && b.checked) out[b.value] = true; });
    return out;
  }
  function apply(){
    var sev = allowed("sev"), cat = allowed("cat"), shown = 0;
    Object.keys(items).forEach(function(id){
      var li = items[id];
      var on = !!(sev[li.dataset.sev] && cat[li.dataset.cat]);
      li.hidden = !on;
      if (on) shown++;
    });
    marks.forEach(function(m){
      var best = 0, n = 0;
      m.dataset.f.split(" ").forEach(function(id){
        var li = items[id];
        if (li && !li.hidden){ n++; best = Math.max(best, RANK[li.dataset.sev] || 0); }
      });
      m.classList.toggle("off", n === 0);
      m.classList.toggle("multi", n > 1);
      ["info", "warning", "error"].forEach(function(s){ m.classList.toggle("s-" + s, RANK[s] === best); });
    });
    document.querySelectorAll("section.article").forEach(function(sec){
      var out = sec.querySelector(".shown-here");
      if (out) out.textContent = String(sec.querySelectorAll("li.finding[data-f]:not([hidden])").length);
    });
    document.getElementById("shown").textContent = String(shown);
  }
  function show(ids){
    while (detailBody.firstChild) detailBody.removeChild(detailBody.firstChild);
    var seen = {};
    ids.forEach(function(id){
      var li = items[id];
      if (!li || li.hidden) return;
      var list = document.createElement("ol");
      list.className = "findings";
      var copy = li.cloneNode(true);
      copy.removeAttribute("data-f");
      list.appendChild(copy);
      detailBody.appendChild(list);
      var rule = li.dataset.rule;
      var doc = document.getElementById("rule-" + rule);
      if (doc && !seen[rule]){
        seen[rule] = true;
        var d = doc.cloneNode(true);
        d.removeAttribute("id");
        detailBody.appendChild(d);
      }
    });
    detail.hidden = !detailBody.firstChild;
  }
  function flash(id){
    var first = null;
    marks.forEach(function(m){
      if (m.dataset.f.split(" ").indexOf(id) >= 0){ if (!first) first = m; m.classList.add("flash"); }
      else m.classList.remove("flash");
    });
    if (first) first.scrollIntoView({block: "center"});
  }
  marks.forEach(function(m){
    m.addEventListener("click", function(){ if (!m.classList.contains("off")) show(m.dataset.f.split(" ")); });
    m.addEventListener("keydown", function(e){ if (e.key === "Enter" && !m.classList.contains("off")) show(m.dataset.f.split(" ")); });
  });
  Object.keys(items).forEach(function(id){
    items[id].addEventListener("click", function(e){
      if (e.target.closest("a")) return;
      flash(id); show([id]);
    });
  });
  boxes.forEach(function(b){ b.addEventListener("change", apply); });
  document.querySelectorAll(".filters button[data-all]").forEach(function(btn){
    btn.addEventListener("click", function(){
      var kind = btn.dataset.all, on = btn.dataset.on === "1";
      boxes.forEach(function(b){ if (b.dataset.kind === kind) b.checked = on; });
      apply();
    });
  });
  document.querySelector("#detail .close").addEventListener("click", function(){ detail.hidden = true; });
  document.addEventListener("keydown", function(e){ if (e.key === "Escape") detail.hidden = true; });
  document.documentElement.classList.add("js");
  apply();
})();
"""
