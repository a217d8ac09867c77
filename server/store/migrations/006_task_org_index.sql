-- A branch's tasks are read every time the branch is re-evaluated (each push window for the
-- branches events touched): without an index, each read scanned every task of the district.
CREATE INDEX tasks_by_org ON tasks (org_code);
