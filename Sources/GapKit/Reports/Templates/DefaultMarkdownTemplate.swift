extension DefaultTemplates {
    /// report.md.mustache: the same content as the HTML report, for editing in other tools.
    /// Charts become tables; every value is escaped for Markdown by the MARKDOWN content type.
    static let markdown = #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{t.report_title}}

**{{cover.standard}}**

| | |
| --- | --- |
{{#cover.client}}
| {{t.client}} | {{cover.client}} |
{{/cover.client}}
{{#cover.date}}
| {{t.date}} | {{cover.date}} |
{{/cover.date}}
{{#cover.respondent}}
| {{t.respondent}} | {{cover.respondent}} |
{{/cover.respondent}}
{{#cover.consultant}}
| {{t.consultant}} | {{cover.consultant}} |
{{/cover.consultant}}
| {{t.questionnaire}} | {{cover.questionnaire_id}}{{#cover.questionnaire_version}}, {{t.version}} {{cover.questionnaire_version}}{{/cover.questionnaire_version}} |
{{#brand.firm}}
| {{t.prepared_by}} | {{brand.firm}} |
{{/brand.firm}}

*{{t.confidential}}*

## {{t.summary}}

**{{t.conclusion}}{{t.colon}}{{summary.verdict}}{{t.stop}}** {{summary.verdict_text}}{{#summary.coverage_warning}} *{{summary.coverage_warning}}*{{/summary.coverage_warning}}

| {{t.overall_score}} | {{t.coverage}} | {{t.major}} | {{t.minor}} | {{t.observation}} | {{t.weeks_to_certificate}} |
| ---: | ---: | ---: | ---: | ---: | ---: |
| {{summary.overall_score}} ({{summary.overall_status}}) | {{summary.coverage}} | {{summary.major}} | {{summary.minor}} | {{summary.observation}} | {{summary.weeks}}{{#summary.certificate_by}} ({{summary.certificate_by}}){{/summary.certificate_by}} |

{{t.actions}}{{t.colon}}{{plan.actions}} · {{t.effort}}{{t.colon}}{{summary.effort}} {{t.person_days}} · {{t.capacity}}{{t.colon}}{{plan.capacity}} {{t.per_week}} · {{t.plan_starts}} {{plan.start}}
{{#summary.any_top_gaps}}

### {{t.top_gaps}}

| {{t.severity}} | {{t.clause}} | {{t.question}} | {{t.answer}} |
| --- | --- | --- | --- |
{{#summary.top_gaps}}
| {{severity}} | {{clause_id}} | {{question}} | {{answer}} |
{{/summary.top_gaps}}
{{/summary.any_top_gaps}}

### {{t.method}}

{{t.method_text}} {{t.thresholds}}{{t.colon}}{{thresholds.compliant}} / {{thresholds.partial}}{{t.stop}}

## {{t.areas}}

| {{t.area}} | {{t.score}} | {{t.status}} | {{t.answered}} | {{t.coverage}} |
| --- | ---: | --- | ---: | ---: |
{{#areas}}
| {{title}} | {{score}} | {{status}} | {{answered}} | {{coverage}} |
{{/areas}}

## {{t.clauses}}

| {{t.clause}} | {{t.score}} | {{t.status}} | {{t.answered}} |
| --- | ---: | --- | ---: |
{{#clauses}}
| {{indent}}{{#top}}**{{/top}}{{id}} {{title}}{{#top}}**{{/top}} | {{score}} | {{status}} | {{answered}} |
{{/clauses}}

## {{t.findings}}
{{^findings.any}}

{{t.no_findings}}
{{/findings.any}}
{{#findings.groups}}

### {{title}} ({{count}})
{{#items}}

#### {{clause_id}} {{clause_title}} · {{id}}

{{question}}

- {{t.severity}}{{t.colon}}{{severity}}
- {{t.answer}}{{t.colon}}{{answer}}
{{#note}}
- {{t.note}}{{t.colon}}{{note}}
{{/note}}
{{#evidence}}
- {{t.evidence}}{{t.colon}}{{evidence}}
{{/evidence}}
{{#any_actions}}
- {{t.linked_actions}}{{t.colon}}{{#actions}}{{id}} {{title}}; {{/actions}}
{{/any_actions}}
{{/items}}
{{/findings.groups}}

## {{t.documents}}

### {{t.documents_to_write}}
{{^documents.any_to_write}}

{{t.nothing_to_write}}
{{/documents.any_to_write}}
{{#documents.any_to_write}}

| {{t.document}} | {{t.clause}} | {{t.status}} | {{t.written_by}} |
| --- | --- | --- | --- |
{{#documents.to_write}}
| {{title}} ({{id}}) | {{clause}} | {{status}} | {{#actions}}{{id}} {{title}}; {{/actions}} |
{{/documents.to_write}}
{{/documents.any_to_write}}

### {{t.required_documents}}

| {{t.document}} | {{t.clause}} | {{t.kind}} | {{t.status}} |
| --- | --- | --- | --- |
{{#documents.all}}
| {{title}} ({{id}}) | {{clause}} | {{kind}} | {{status}} |
{{/documents.all}}

## {{t.plan}}

{{t.actions}}{{t.colon}}{{plan.actions}} · {{t.effort}}{{t.colon}}{{plan.effort}} {{t.person_days}} · {{t.weeks_to_certificate}}{{t.colon}}{{plan.weeks}} · {{t.capacity}}{{t.colon}}{{plan.capacity}} {{t.per_week}} · {{t.plan_starts}} {{plan.start}}

| {{t.phase}} | {{t.effort}} | {{t.projected_score}} |
| --- | ---: | ---: |
{{#plan.phases}}
| {{title}} | {{effort}} | {{projected}} |
{{/plan.phases}}
{{#plan.phases}}

### {{title}}

{{t.effort}} {{effort}} {{t.person_days}} · {{t.projected_score}} {{projected}}
{{^any_actions}}

{{t.no_actions}}
{{/any_actions}}
{{#any_actions}}

| {{t.rank}} | {{t.action}} | {{t.owner}} | {{t.effort}} | {{t.benefit}} | {{t.week}} |
| ---: | --- | --- | ---: | ---: | ---: |
{{#actions}}
| {{rank}} | **{{title}}** ({{id}}): {{description}} | {{owner}} | {{effort}} | {{benefit}} | {{weeks}} |
{{/actions}}
{{/any_actions}}
{{#any_milestones}}

| {{t.milestone}} | {{t.duration}} | {{t.week}} | {{t.schedule}} |
| --- | ---: | ---: | --- |
{{#milestones}}
| **{{title}}**: {{description}} | {{duration}} {{duration_unit}} | {{weeks}} | {{start}} – {{end}} |
{{/milestones}}
{{/any_milestones}}
{{/plan.phases}}

## {{t.appendix}}
{{#appendix}}

### {{id}} {{title}}

| {{t.question}} | {{t.answer}} | {{t.note}} |
| --- | --- | --- |
{{#questions}}
| {{id}} {{text}} | {{answer}} | {{note}}{{#evidence}} ({{t.evidence}}{{t.colon}}{{evidence}}){{/evidence}} |
{{/questions}}
{{/appendix}}

---
{{t.generated_by}}{{#brand.firm}} · {{brand.firm}}{{/brand.firm}}{{#brand.footer}} · {{brand.footer}}{{/brand.footer}}

"""#
}
