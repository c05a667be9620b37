-- 卫生健康委: 出生医学证明 — one certificate per child, naming mother and father as recorded at birth.
-- Lets the platform find a parent's children when their 户籍 is outside the city (随迁子女).
create table birth_certificate (
    certificate_no varchar(12) primary key,
    id_number      char(18) not null,
    name           text not null,
    gender         char(1) not null,
    birth_date     date not null,
    mother_id      char(18),
    mother_name    text,
    father_id      char(18),
    father_name    text,
    issued_on      date not null
);
create index birth_certificate_mother on birth_certificate (mother_id);
create index birth_certificate_father on birth_certificate (father_id);
create index birth_certificate_child on birth_certificate (id_number);
