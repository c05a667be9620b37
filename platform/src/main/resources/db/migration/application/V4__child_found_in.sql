-- Where the parent's child was found: HUKOU (in the guardian's household, 户籍) or BIRTH (出生医学证明 naming the
-- guardian, e.g. 随迁子女 whose 户籍 is outside the city); shown on the parent's children list
alter table application.child add column found_in varchar(16) not null default 'HUKOU'
    check (found_in in ('HUKOU', 'BIRTH'));
