-- Each offer has its own arrival deadline: a second batch's offers get a window of their own.
alter table admission.offer add column deadline timestamptz;
