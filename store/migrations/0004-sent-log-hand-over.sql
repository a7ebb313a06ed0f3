-- Exactly once on the outside (issue 12). A notice is 'handed-over' from the moment its sender lets the SMTP server
-- have it (just before the message's final dot) until the server's answer is recorded. A sender that dies or gives up
-- in between leaves it 'uncertain': the server may hold it, so it is never sent again, and people can see it.
-- `attempt` names the one activity attempt holding a claim, so an attempt whose lease ran out cannot hand over.
ALTER TABLE email_sent_log DROP CONSTRAINT email_sent_log_status_check;
ALTER TABLE email_sent_log ADD CONSTRAINT email_sent_log_status_check CHECK (status IN ('sending', 'handed-over', 'sent', 'uncertain'));
ALTER TABLE email_sent_log ADD COLUMN attempt text;
ALTER TABLE email_sent_log ADD COLUMN handed_over_at timestamptz;
