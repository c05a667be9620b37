-- 第二批次 (补录): after arrival, the released places are filled by a draw of its own with the same ceremony as the
-- first (frozen instance, commitment, public value, seed, result). batch 1 is the first draw of a season and grade;
-- a later batch names the published run whose places it fills.
alter table admission.draw add column batch int not null default 1;
alter table admission.draw add column fills_run_id bigint references admission.run (id);
alter table admission.draw add constraint draw_batch_fills_run
    check ((batch = 1 and fills_run_id is null) or (batch > 1 and fills_run_id is not null));
-- one second-batch draw of a run in progress at a time: its seats are counted when it is frozen
create unique index draw_one_open_batch on admission.draw (fills_run_id)
    where fills_run_id is not null and state <> 'DRAWN';
