-- Administrative divisions (行政区划) of the city: city, districts/counties, streets/towns, communities/villages.
create table catalog.division
(
    code        varchar(12) primary key,
    level       text not null check (level in ('city', 'district', 'street', 'community')),
    name        text not null,
    parent_code varchar(12)
);
create index division_parent_idx on catalog.division (parent_code);
create index division_level_idx on catalog.division (level);
