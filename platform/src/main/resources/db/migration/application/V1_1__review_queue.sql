-- the review desk's queue (人工审核): per district, the three queue statuses, oldest first (added by the review desk)
create index application_review_queue on application.application (district_code, submitted_at, id)
    where status in ('IN_REVIEW', 'PENDING_VERIFICATION', 'SUPPLEMENT_REQUESTED');
