"""The reads' SQL, compiled from `read_statements.py`: do not edit by hand.

Regenerate with `python -m app.storage.read_statements`; a test checks it is current.
"""

NEWEST_ANSWERS = (
    "WITH RECURSIVE platform(id) AS (SELECT min(answer.platform_id) AS id FROM answer UNION ALL "
    "SELECT (SELECT min(other.platform_id) AS min_2 FROM answer AS other WHERE other.platform_id "
    "> platform.id) AS anon_2 FROM platform WHERE platform.id IS NOT NULL), item(platform_id, "
    "item_id) AS (SELECT platform.id AS platform_id, (SELECT min(other.item_id) AS min_1 FROM "
    "answer AS other WHERE other.platform_id = platform.id) AS item_id FROM platform WHERE "
    "platform.id IS NOT NULL UNION ALL SELECT item.platform_id AS platform_id, (SELECT "
    "min(other.item_id) AS min_3 FROM answer AS other WHERE other.platform_id = item.platform_id "
    "AND other.item_id > item.item_id) AS anon_3 FROM item WHERE item.item_id IS NOT NULL) SELECT "
    "answer.run_id, answer.platform_id, answer.item_id, answer.status, answer.source, "
    "answer.answered_at, answer.observed, answer.note, answer.kind FROM answer WHERE answer.id IN "
    "(SELECT (SELECT max(other.id) AS max_1 FROM answer AS other WHERE other.platform_id = "
    "item.platform_id AND other.item_id = item.item_id) AS anon_1 FROM item WHERE item.item_id IS "
    "NOT NULL)"
)
ANSWERS_OLDEST_FIRST = (
    "SELECT answer.run_id, answer.platform_id, answer.item_id, answer.status, answer.source, "
    "answer.answered_at, answer.observed, answer.note, answer.kind FROM answer ORDER BY answer.id"
)
NEWEST_ANSWERS_OF_RUNS = (
    "SELECT answer.run_id, answer.platform_id, answer.item_id, answer.status, answer.source, "
    "answer.answered_at, answer.observed, answer.note, answer.kind FROM answer WHERE answer.id IN "
    "(SELECT max(answer.id) AS max_1 FROM answer WHERE answer.run_id IN (SELECT anon_1.value FROM "
    "json_each(:run_ids) AS anon_1) GROUP BY answer.run_id, answer.platform_id, answer.item_id)"
)
ANSWER_COUNT = "SELECT count(*) AS count_1 FROM answer"
OPEN_RUN_IDS = "SELECT audit_run.id FROM audit_run WHERE audit_run.completed_at IS NULL"
RUNS = (
    "SELECT audit_run.id, audit_run.started_at, audit_run.completed_at FROM audit_run ORDER BY "
    "audit_run.id"
)
RUNS_THE_DASHBOARD_READS = (
    "WITH RECURSIVE platform(id) AS (SELECT min(run_platform.platform_id) AS id FROM run_platform "
    "UNION ALL SELECT (SELECT min(other_check.platform_id) AS min_1 FROM run_platform AS "
    "other_check WHERE other_check.platform_id > platform.id) AS anon_2 FROM platform WHERE "
    "platform.id IS NOT NULL), latest AS (SELECT platform.id AS platform_id, (SELECT "
    "max(other_check.completed_at) AS max_2 FROM run_platform AS other_check WHERE "
    "other_check.platform_id = platform.id AND other_check.completed_at <= :trusted_until) AS "
    "moment FROM platform WHERE platform.id IS NOT NULL), moment AS (SELECT latest.platform_id AS "
    "platform_id, latest.moment AS moment FROM latest UNION ALL SELECT latest.platform_id AS "
    "platform_id, (SELECT max(other_check.completed_at) AS max_3 FROM run_platform AS other_check "
    "WHERE other_check.platform_id = latest.platform_id AND other_check.completed_at < "
    "latest.moment) AS anon_3 FROM latest) SELECT (SELECT max(other_check.run_id) AS max_1 FROM "
    "run_platform AS other_check WHERE other_check.platform_id = moment.platform_id AND "
    "other_check.completed_at = moment.moment) AS anon_1 FROM moment WHERE moment.moment IS NOT "
    "NULL UNION SELECT other_check.run_id FROM platform JOIN run_platform AS other_check ON "
    "other_check.platform_id = platform.id AND other_check.completed_at > :trusted_until UNION "
    "SELECT audit_run.id FROM audit_run WHERE audit_run.completed_at IS NULL UNION SELECT "
    "max(audit_run.id) AS max_4 FROM audit_run WHERE audit_run.completed_at IS NOT NULL UNION "
    "SELECT max(other_run.id) AS max_5 FROM audit_run AS other_run WHERE other_run.completed_at "
    "IS NOT NULL AND other_run.id < (SELECT max(audit_run.id) AS max_4 FROM audit_run WHERE "
    "audit_run.completed_at IS NOT NULL)"
)
RUNS_OF = (
    "SELECT audit_run.id, audit_run.started_at, audit_run.completed_at FROM audit_run WHERE "
    "audit_run.id IN (SELECT anon_1.value FROM json_each(:run_ids) AS anon_1) ORDER BY "
    "audit_run.id"
)
RUN_PLATFORMS_OF = (
    "SELECT run_platform.run_id, run_platform.platform_id, run_platform.position, "
    "run_platform.completed_at, run_platform.skipped FROM run_platform WHERE run_platform.run_id "
    "IN (SELECT anon_1.value FROM json_each(:run_ids) AS anon_1) ORDER BY run_platform.run_id, "
    "run_platform.position"
)
RUN_PLATFORMS = (
    "SELECT run_platform.run_id, run_platform.platform_id, run_platform.position, "
    "run_platform.completed_at, run_platform.skipped FROM run_platform ORDER BY "
    "run_platform.run_id, run_platform.position"
)
PROFILE = (
    "SELECT profile.display_name, profile.role, profile.organisation, profile.regulator, "
    "profile.supervisor, profile.works_with_children, profile.code_edition FROM profile"
)
USER_PLATFORMS = (
    "SELECT user_platform.platform_id, user_platform.recheck_days, user_platform.snoozed_until "
    "FROM user_platform ORDER BY user_platform.position"
)
EXPORT_IMPORTS = (
    "SELECT export_import.id, export_import.platform_id, export_import.imported_at, "
    "export_import.export_date, export_import.run_id, export_import.items_answered, "
    "export_import.connection_count, export_import.request_count, export_import.public_switches "
    "FROM export_import ORDER BY export_import.id"
)
CONNECTION_REVIEWS = (
    "SELECT connection_review.id, connection_review.platform_id, connection_review.reviewed_at, "
    "connection_review.export_date, connection_review.reviewed_count, "
    "connection_review.marked_count, connection_review.confirmed_removed_count, "
    "connection_review.confirmed_at, connection_review.confirmed_by, "
    "connection_review.removal_check FROM connection_review ORDER BY connection_review.id"
)
PENDING_REVIEWS = (
    "SELECT connection_review.id, connection_review.platform_id, connection_review.reviewed_at, "
    "connection_review.lists, connection_review.salt, connection_review.key_id FROM "
    "connection_review WHERE connection_review.salt IS NOT NULL AND connection_review.key_id IS "
    "NOT NULL AND connection_review.removal_check = :removal_check ORDER BY connection_review.id"
)
MARKED_HASHES = (
    "SELECT marked_connection_hash.review_id, marked_connection_hash.digest FROM "
    "marked_connection_hash"
)
REPORTS_MADE = (
    "SELECT report_made.id, report_made.made_at, report_made.period_start, report_made.run_id "
    "FROM report_made ORDER BY report_made.id"
)
KEYRING_SERVICES = "SELECT keyring_entry.service FROM keyring_entry ORDER BY keyring_entry.service"
PUBLIC_ADDRESSES = "SELECT public_address.platform_id, public_address.address FROM public_address"
OUTSIDE_FINDINGS = (
    "SELECT outside_finding.platform_id, outside_finding.topic, outside_finding.verdict, "
    "outside_finding.reason, outside_finding.seen_at, outside_finding.caveat FROM outside_finding "
    "ORDER BY outside_finding.id"
)
WATCH_CHOICE = "SELECT watch_choice.signed_out, watch_choice.chosen_at FROM watch_choice"
WATCHED_PLATFORMS = (
    "SELECT watch_platform.platform_id, watch_platform.next_look_at, watch_platform.last_look_at, "
    "watch_platform.last_outcome, watch_platform.failures, watch_platform.compared FROM "
    "watch_platform ORDER BY watch_platform.platform_id"
)
WATCH_LOOKS_SINCE = (
    "SELECT watch_look.platform_id, watch_look.looked_at, watch_look.outcome FROM watch_look "
    "WHERE watch_look.looked_at >= :since ORDER BY watch_look.looked_at, watch_look.id"
)
WATCH_DRIFT = (
    'SELECT watch_drift.id, watch_drift.platform_id, watch_drift.topic, watch_drift."before", '
    'watch_drift."after", watch_drift.seen_at, watch_drift.source, watch_drift.confirmed_at FROM '
    "watch_drift ORDER BY watch_drift.seen_at, watch_drift.id"
)
SIGNED_IN_WATCHES = (
    "SELECT watch_signed_in.platform_id, watch_signed_in.next_look_at, "
    "watch_signed_in.last_look_at, watch_signed_in.last_outcome, watch_signed_in.failures, "
    "watch_signed_in.compared FROM watch_signed_in ORDER BY watch_signed_in.platform_id"
)
WATCH_READINGS = (
    "SELECT watch_reading.item_id, watch_reading.status FROM watch_reading WHERE "
    "watch_reading.platform_id = :platform_id"
)
