extension DefaultTemplates {
    /// report.html.mustache: one self-contained XHTML page; prints to A4 with a page per section.
    static let html = #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}" xml:lang="{{lang}}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="GapKit" />
<title>{{t.report_title}}{{t.colon}}{{cover.standard}}{{#cover.client}} ({{cover.client}}){{/cover.client}}</title>
<style>
{{> style}}
</style>
</head>
<body>
<main>
<header class="cover" id="cover">
  <div>
    {{#brand.logo}}<img class="logo" src="{{brand.logo}}" alt="{{brand.firm}}" />{{/brand.logo}}
    {{#brand.firm}}<div class="firm">{{brand.firm}}</div>{{/brand.firm}}
    <h1>{{t.report_title}}</h1>
    <div class="standard">{{cover.standard}}</div>
    <table>
      {{#cover.client}}<tr><th>{{t.client}}</th><td>{{cover.client}}</td></tr>{{/cover.client}}
      {{#cover.date}}<tr><th>{{t.date}}</th><td>{{cover.date}}</td></tr>{{/cover.date}}
      {{#cover.respondent}}<tr><th>{{t.respondent}}</th><td>{{cover.respondent}}</td></tr>{{/cover.respondent}}
      {{#cover.consultant}}<tr><th>{{t.consultant}}</th><td>{{cover.consultant}}</td></tr>{{/cover.consultant}}
      <tr><th>{{t.questionnaire}}</th><td>{{cover.questionnaire_id}}{{#cover.questionnaire_version}}, {{t.version}} {{cover.questionnaire_version}}{{/cover.questionnaire_version}}</td></tr>
    </table>
  </div>
  <p class="muted">{{t.confidential}}{{#brand.firm}} · {{t.prepared_by}} {{brand.firm}}{{/brand.firm}}{{#brand.footer}}<br />{{brand.footer}}{{/brand.footer}}</p>
</header>

<section id="summary">
  <h2>{{t.summary}}</h2>
  <div class="verdict {{summary.verdict_class}}">
    <span class="muted">{{t.conclusion}}</span>
    <strong>{{summary.verdict}}</strong>
    {{summary.verdict_text}}
    {{#summary.coverage_warning}}<span class="warning">{{summary.coverage_warning}}</span>{{/summary.coverage_warning}}
  </div>
  <div class="tiles">
    <div class="tile"><span class="value">{{summary.overall_score}}</span><span class="label">{{t.overall_score}} · <span class="badge status-{{summary.overall_status_class}}">{{summary.overall_status}}</span></span></div>
    <div class="tile"><span class="value">{{summary.coverage}}</span><span class="label">{{t.coverage}}</span></div>
    <div class="tile"><span class="value">{{summary.major}} / {{summary.minor}} / {{summary.observation}}</span><span class="label">{{t.major}} / {{t.minor}} / {{t.observation}}</span></div>
    <div class="tile"><span class="value">{{summary.weeks}} {{t.weeks}}</span><span class="label">{{t.weeks_to_certificate}}{{#summary.certificate_by}} · {{summary.certificate_by}}{{/summary.certificate_by}}</span></div>
  </div>
  <p>{{t.actions}}{{t.colon}}{{plan.actions}} · {{t.effort}}{{t.colon}}{{summary.effort}} {{t.person_days}} · {{t.capacity}}{{t.colon}}{{plan.capacity}} {{t.per_week}} · {{t.plan_starts}} {{plan.start}}</p>
  {{#summary.any_top_gaps}}
  <h3>{{t.top_gaps}}</h3>
  <table>
    <thead><tr><th>{{t.severity}}</th><th>{{t.clause}}</th><th>{{t.question}}</th><th>{{t.answer}}</th></tr></thead>
    <tbody>
    {{#summary.top_gaps}}
    <tr><td><span class="sev-{{severity_class}}">{{severity}}</span></td><td>{{clause_id}}</td><td>{{question}}</td><td>{{answer}}</td></tr>
    {{/summary.top_gaps}}
    </tbody>
  </table>
  {{/summary.any_top_gaps}}
  <h3>{{t.method}}</h3>
  <p class="muted">{{t.method_text}} {{t.thresholds}}{{t.colon}}{{thresholds.compliant}} / {{thresholds.partial}}{{t.stop}}</p>
</section>

<section id="areas">
  <h2>{{t.areas}}</h2>
  <figure>{{{charts.radar}}}</figure>
  <table>
    <thead><tr><th>{{t.area}}</th><th class="num">{{t.score}}</th><th>{{t.status}}</th><th class="num">{{t.answered}}</th><th class="num">{{t.coverage}}</th></tr></thead>
    <tbody>
    {{#areas}}
    <tr><td><strong>{{title}}</strong>{{#description}}<br /><span class="muted">{{description}}</span>{{/description}}</td><td class="num">{{score}}</td><td><span class="badge status-{{status_class}}">{{status}}</span></td><td class="num">{{answered}}</td><td class="num">{{coverage}}</td></tr>
    {{/areas}}
    </tbody>
  </table>
</section>

<section id="clauses">
  <h2>{{t.clauses}}</h2>
  <figure>{{{charts.bars}}}</figure>
  <table>
    <thead><tr><th>{{t.clause}}</th><th class="num">{{t.score}}</th><th>{{t.status}}</th><th class="num">{{t.answered}}</th></tr></thead>
    <tbody>
    {{#clauses}}
    <tr class="depth-{{depth}}"><td>{{indent}}{{id}} {{title}}</td><td class="num">{{score}}</td><td><span class="badge status-{{status_class}}">{{status}}</span></td><td class="num">{{answered}}</td></tr>
    {{/clauses}}
    </tbody>
  </table>
</section>

<section id="findings">
  <h2>{{t.findings}}</h2>
  {{^findings.any}}<p>{{t.no_findings}}</p>{{/findings.any}}
  {{#findings.groups}}
  <h3><span class="sev-{{severity_class}}">{{title}}</span> ({{count}})</h3>
  {{#items}}
  <div class="finding {{severity_class}}">
    <h4>{{clause_id}} {{clause_title}} · {{id}}</h4>
    <div>{{question}}</div>
    <dl>
      <dt>{{t.severity}}</dt><dd><span class="sev-{{severity_class}}">{{severity}}</span></dd>
      <dt>{{t.answer}}</dt><dd><span class="badge status-{{status_class}}">{{answer}}</span></dd>
      {{#note}}<dt>{{t.note}}</dt><dd>{{note}}</dd>{{/note}}
      {{#evidence}}<dt>{{t.evidence}}</dt><dd>{{evidence}}</dd>{{/evidence}}
      {{#any_actions}}<dt>{{t.linked_actions}}</dt><dd>{{#actions}}{{id}} {{title}}<br />{{/actions}}</dd>{{/any_actions}}
    </dl>
  </div>
  {{/items}}
  {{/findings.groups}}
</section>

<section id="documents">
  <h2>{{t.documents}}</h2>
  <h3>{{t.documents_to_write}}</h3>
  {{^documents.any_to_write}}<p>{{t.nothing_to_write}}</p>{{/documents.any_to_write}}
  {{#documents.any_to_write}}
  <table>
    <thead><tr><th>{{t.document}}</th><th>{{t.clause}}</th><th>{{t.status}}</th><th>{{t.written_by}}</th></tr></thead>
    <tbody>
    {{#documents.to_write}}
    <tr><td>{{title}}<br /><span class="muted">{{id}}</span></td><td>{{clause}}</td><td><span class="badge doc-{{status_class}}">{{status}}</span></td><td>{{#actions}}{{id}} {{title}}<br />{{/actions}}</td></tr>
    {{/documents.to_write}}
    </tbody>
  </table>
  {{/documents.any_to_write}}
  <h3>{{t.required_documents}}</h3>
  <table>
    <thead><tr><th>{{t.document}}</th><th>{{t.clause}}</th><th>{{t.kind}}</th><th>{{t.status}}</th></tr></thead>
    <tbody>
    {{#documents.all}}
    <tr><td>{{title}} <span class="muted">{{id}}</span></td><td>{{clause}}</td><td>{{kind}}</td><td><span class="badge doc-{{status_class}}">{{status}}</span></td></tr>
    {{/documents.all}}
    </tbody>
  </table>
</section>

<section id="plan">
  <h2>{{t.plan}}</h2>
  <p>{{t.actions}}{{t.colon}}{{plan.actions}} · {{t.effort}}{{t.colon}}{{plan.effort}} {{t.person_days}} · {{t.weeks_to_certificate}}{{t.colon}}{{plan.weeks}} · {{t.capacity}}{{t.colon}}{{plan.capacity}} {{t.per_week}} · {{t.plan_starts}} {{plan.start}}</p>
  <figure>{{{charts.phases}}}</figure>
  {{#plan.phases}}
  <div class="phase-head"><h3>{{title}}</h3><span class="muted">{{t.effort}} {{effort}} {{t.person_days}} · {{t.projected_score}} {{projected}}</span></div>
  {{^any_actions}}<p class="muted">{{t.no_actions}}</p>{{/any_actions}}
  {{#any_actions}}
  <table>
    <thead><tr><th class="num">{{t.rank}}</th><th>{{t.action}}</th><th>{{t.owner}}</th><th class="num">{{t.effort}}</th><th class="num">{{t.benefit}}</th><th class="num">{{t.week}}</th></tr></thead>
    <tbody>
    {{#actions}}
    <tr><td class="num">{{rank}}</td><td><strong>{{title}}</strong> <span class="muted">{{id}}</span><br /><span class="muted">{{description}}</span></td><td>{{owner}}</td><td class="num">{{effort}}</td><td class="num">{{benefit}}</td><td class="num">{{weeks}}</td></tr>
    {{/actions}}
    </tbody>
  </table>
  {{/any_actions}}
  {{#any_milestones}}
  <table>
    <thead><tr><th>{{t.milestone}}</th><th class="num">{{t.duration}}</th><th class="num">{{t.week}}</th><th>{{t.schedule}}</th></tr></thead>
    <tbody>
    {{#milestones}}
    <tr><td><strong>{{title}}</strong><br /><span class="muted">{{description}}</span></td><td class="num">{{duration}} {{duration_unit}}</td><td class="num">{{weeks}}</td><td>{{start}} – {{end}}</td></tr>
    {{/milestones}}
    </tbody>
  </table>
  {{/any_milestones}}
  {{/plan.phases}}
  <h3>{{t.gantt}}</h3>
  <figure>{{{charts.gantt}}}</figure>
</section>

<section id="appendix">
  <h2>{{t.appendix}}</h2>
  {{#appendix}}
  <h3>{{id}} {{title}}</h3>
  <table>
    <thead><tr><th>{{t.question}}</th><th>{{t.answer}}</th><th>{{t.note}}</th></tr></thead>
    <tbody>
    {{#questions}}
    <tr><td><span class="muted">{{id}}</span> {{text}}</td><td><span class="badge status-{{status_class}}">{{answer}}</span></td><td class="note">{{note}}{{#evidence}}<br /><span class="muted">{{t.evidence}}{{t.colon}}{{evidence}}</span>{{/evidence}}</td></tr>
    {{/questions}}
    </tbody>
  </table>
  {{/appendix}}
  <p class="muted">{{t.generated_by}}{{#brand.firm}} · {{brand.firm}}{{/brand.firm}}</p>
</section>
</main>
</body>
</html>

"""#
}
