-- Where each community (社区/村) is: a WGS-84 point inside it (the synthetic city's generator gives a representative
-- point inside its district's outline), from the city's catalog.json. 统筹 measures distances from the home's community.
create table catalog.community_location
(
    community_code varchar(12) primary key references catalog.division (code),
    lon            double precision not null check (lon between -180 and 180),
    lat            double precision not null check (lat between -90 and 90)
);
