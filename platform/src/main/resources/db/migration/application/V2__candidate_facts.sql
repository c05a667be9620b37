-- What the registries said at submission (and at each later judgement), kept for allocation and policy previews:
-- the child's hukou move-in date (tie-break), a confirmed 优待 category, the chosen home's zone schools in the parent's
-- order, and the facts themselves (JSON, no ID numbers beyond the registries' own record ids) for previews.
create table application.candidate_facts (
    application_id uuid        primary key references application.application (id),
    hukou_date     date,
    preferential   varchar(32),
    zone_schools   text        not null default '',
    facts          jsonb       not null,
    recorded_at    timestamptz not null
);
