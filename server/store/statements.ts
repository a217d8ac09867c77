// Every write statement of the store, prepared once per database handle.

import type { Db } from './open-db.ts';

export function prepareWrites(db: Db) {
  return {
    upsertOrg: db.prepare(`INSERT INTO orgs (code, name, type, parent_code, category, established_on, term_started_on, term_years, has_committee, region, lng, lat)
      VALUES (@code, @name, @type, @parent_code, @category, @established_on, @term_started_on, @term_years, @has_committee, @region, @lng, @lat)
      ON CONFLICT(code) DO UPDATE SET name = excluded.name, type = excluded.type, parent_code = excluded.parent_code, category = excluded.category,
        established_on = excluded.established_on, term_started_on = excluded.term_started_on, term_years = excluded.term_years,
        has_committee = excluded.has_committee, region = excluded.region, lng = excluded.lng, lat = excluded.lat`),
    renewTerm: db.prepare('UPDATE orgs SET term_started_on = ?, term_years = COALESCE(?, term_years) WHERE code = ?'),
    upsertGroup: db.prepare(`INSERT INTO party_groups (code, branch_code, name) VALUES (?, ?, ?)
      ON CONFLICT(code) DO UPDATE SET branch_code = excluded.branch_code, name = excluded.name`),
    insertMember: db.prepare(`INSERT OR IGNORE INTO members (id, name, org_code, status, gender, birth_date, joined_on, org_since, group_code, probation_started_on,
        dues_monthly, monthly_income, income_kind, on_committee, education, is_mobile, phone)
      VALUES (@id, @name, @org_code, @status, @gender, @birth_date, @joined_on, @org_since, @group_code, @probation_started_on,
        @dues_monthly, @monthly_income, @income_kind, @on_committee, @education, @is_mobile, @phone)`),
    moveMember: db.prepare('UPDATE members SET org_code = ?, group_code = ? WHERE id = ?'),
    convertMember: db.prepare("UPDATE members SET status = 'full', converted_on = ? WHERE id = ?"),
    leaveMember: db.prepare('UPDATE members SET left_on = ?, left_reason = ? WHERE id = ?'),
    insertStay: db.prepare('INSERT OR IGNORE INTO memberships (member_id, org_code, since, until) VALUES (?, ?, ?, NULL)'),
    closeStay: db.prepare('UPDATE memberships SET until = ? WHERE member_id = ? AND until IS NULL'),
    insertMeeting: db.prepare(
      'INSERT OR IGNORE INTO meetings (id, org_code, kind, held_at, month, group_code, topic) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    getMeeting: db.prepare('SELECT id, org_code AS org, kind, group_code AS "group", held_at AS heldAt FROM meetings WHERE id = ?'),
    insertAttendance: db.prepare('INSERT OR IGNORE INTO attendance (meeting_id, member_id, status, checked_in_at) VALUES (?, ?, ?, ?)'),
    insertDues: db.prepare('INSERT OR IGNORE INTO dues (id, member_id, month, amount, paid_at) VALUES (?, ?, ?, ?, ?)'),
    duesFor: db.prepare('SELECT amount, paid_at AS paidAt FROM dues WHERE member_id = ? AND month = ?'),
    duesState: db.prepare('SELECT paid, paid_full_at AS fullAt FROM member_month WHERE member_id = ? AND month = ?'),
    insertActivity: db.prepare('INSERT OR IGNORE INTO activities (id, member_id, kind, hours, at, month) VALUES (?, ?, ?, ?, ?, ?)'),
    upsertTask: db.prepare(`INSERT INTO tasks (id, org_code, title, due_on, completed_on) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET org_code = excluded.org_code, title = excluded.title, due_on = excluded.due_on,
        completed_on = COALESCE(excluded.completed_on, tasks.completed_on)`),
    getTaskOrg: db.prepare('SELECT org_code FROM tasks WHERE id = ?'),
    taskExists: db.prepare('SELECT 1 AS x FROM tasks WHERE id = ?'),
    applicantExists: db.prepare('SELECT 1 AS x FROM applicants WHERE id = ?'),
    completeTask: db.prepare('UPDATE tasks SET completed_on = ? WHERE id = ? AND completed_on IS NULL'),
    upsertApplicant: db.prepare(`INSERT INTO applicants (id, name, org_code, stage, stage_since) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, org_code = excluded.org_code, stage = excluded.stage, stage_since = excluded.stage_since`),
    getApplicant: db.prepare('SELECT id, name, org_code, stage, stage_since FROM applicants WHERE id = ?'),
    insertEvent: db.prepare('INSERT OR IGNORE INTO events (id, type, at, received_at, body) VALUES (?, ?, ?, ?, ?)'),
    insertRecentEvent: db.prepare('INSERT INTO recent_events (body) VALUES (?)'),
    trimRecentEvents: db.prepare('DELETE FROM recent_events WHERE seq <= ?'),
    insertAudit: db.prepare('INSERT INTO audit (at, who, action, rows, detail) VALUES (?, ?, ?, ?, ?)'),
    incOrgMonth: db.prepare(`INSERT INTO org_month (org_code, month, kind, group_code, meetings, att_expected, att_present) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(org_code, month, kind, group_code) DO UPDATE SET meetings = meetings + excluded.meetings,
        att_expected = att_expected + excluded.att_expected, att_present = att_present + excluded.att_present`),
    incOrgDay: db.prepare(`INSERT INTO org_day (org_code, day, checkins) VALUES (?, ?, ?)
      ON CONFLICT(org_code, day) DO UPDATE SET checkins = checkins + excluded.checkins`),
    incMemberMonth: db.prepare(`INSERT INTO member_month (member_id, month, expected, present, excused, present_points, volunteer_hours, demo_posts)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(member_id, month) DO UPDATE SET expected = expected + excluded.expected, present = present + excluded.present,
        excused = excused + excluded.excused, present_points = present_points + excluded.present_points,
        volunteer_hours = volunteer_hours + excluded.volunteer_hours, demo_posts = demo_posts + excluded.demo_posts`),
    incMemberMonthDues: db.prepare(`INSERT INTO member_month (member_id, month, expected, present, excused, present_points, volunteer_hours, demo_posts, paid, paid_full_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(member_id, month) DO UPDATE SET expected = expected + excluded.expected, present = present + excluded.present,
        excused = excused + excluded.excused, present_points = present_points + excluded.present_points,
        volunteer_hours = volunteer_hours + excluded.volunteer_hours, demo_posts = demo_posts + excluded.demo_posts,
        paid = excluded.paid, paid_full_at = excluded.paid_full_at`),
    setMemberDues: db.prepare(`INSERT INTO member_month (member_id, month, paid, paid_full_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(member_id, month) DO UPDATE SET paid = excluded.paid, paid_full_at = excluded.paid_full_at`),
    anyDues: db.prepare('SELECT EXISTS (SELECT 1 FROM dues) AS x'),
  };
}

export type Writes = ReturnType<typeof prepareWrites>;
