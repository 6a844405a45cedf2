extension DefaultTemplates {
    /// batch.html.mustache: the cohort report of `gapkit batch`, in the gap report's style.
    static let batchHTML = #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}" xml:lang="{{lang}}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="GapKit" />
<title>{{t.batch_title}}{{t.colon}}{{standard}}</title>
<style>
{{> style}}
.heat td.cell { text-align: center; font-weight: 600; border: 2px solid #fff; }
.heat .b0 { background: #B71C1C; color: #fff; } .heat .b1 { background: #E57373; } .heat .b2 { background: #FFB74D; }
.heat .b3 { background: #AED581; } .heat .b4 { background: #2E7D32; color: #fff; } .heat .bn { background: #eee; color: #757575; }
</style>
</head>
<body>
<main>
<section id="cohort">
  <h1>{{t.batch_title}}</h1>
  <p class="muted">{{standard}}</p>
  <div class="tiles">
    <div class="tile"><span class="value">{{respondents}}</span><span class="label">{{t.respondents}}</span></div>
    <div class="tile"><span class="value">{{overall.score}}</span><span class="label">{{t.overall_score}} · <span class="badge verdict-{{verdict.class}}">{{verdict.label}}</span></span></div>
    <div class="tile"><span class="value">{{disagreements}}</span><span class="label">{{t.disagreements}}</span></div>
    <div class="tile"><span class="value">{{rejected}}</span><span class="label">{{t.rejected_cells}}</span></div>
  </div>
  <p class="muted">{{t.aggregate}}{{t.colon}}{{aggregate}} · {{t.disagreement_rule}}</p>
</section>
<section id="heatmap">
  <h2>{{t.heatmap}}</h2>
  <table class="heat">
    <thead><tr><th>{{t.group}}</th><th class="num">{{t.respondents}}</th><th class="num">{{t.overall_score}}</th><th>{{t.verdict}}</th>{{#areas}}<th class="num">{{title}}</th>{{/areas}}</tr></thead>
    <tbody>
    {{#groups}}
    <tr><td>{{name}}</td><td class="num">{{respondents}}</td><td class="cell {{overall.band}}">{{overall.score}}</td><td>{{verdict.label}}</td>{{#areas}}<td class="cell {{band}}">{{score}}</td>{{/areas}}</tr>
    {{/groups}}
    </tbody>
  </table>
  <p class="muted">{{t.heatmap_legend}}</p>
</section>
<section id="disagreements">
  <h2>{{t.disagreement_list}}</h2>
  {{^any_disagreements}}<p>{{t.no_disagreements}}</p>{{/any_disagreements}}
  {{#any_disagreements}}
  <table>
    <thead><tr><th>{{t.question}}</th><th class="num">{{t.answered}}</th><th class="num">{{t.mean}}</th><th class="num">{{t.min}}–{{t.max}}</th><th>{{t.distribution}}</th></tr></thead>
    <tbody>
    {{#disagreement_list}}
    <tr><td><span class="muted">{{clause}} · {{id}}</span><br />{{text}}</td><td class="num">{{answered}}</td><td class="num">{{mean}}</td><td class="num">{{range}}</td><td>{{distribution}}</td></tr>
    {{/disagreement_list}}
    </tbody>
  </table>
  {{/any_disagreements}}
</section>
<section id="responses">
  <h2>{{t.response_counts}}</h2>
  <table>
    <thead><tr><th>{{t.question}}</th><th class="num">{{t.answered}}</th><th class="num">{{t.not_applicable}}</th><th class="num">{{t.unanswered}}</th><th class="num">{{t.score}}</th></tr></thead>
    <tbody>
    {{#questions}}
    <tr><td><span class="muted">{{id}}</span> {{text}}</td><td class="num">{{answered}}</td><td class="num">{{na}}</td><td class="num">{{unanswered}}</td><td class="num">{{score}}</td></tr>
    {{/questions}}
    </tbody>
  </table>
  <p class="muted">{{t.generated_by}}</p>
</section>
</main>
</body>
</html>

"""#
}
