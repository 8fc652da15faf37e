-- Clinicians as people read them: the member's and the chair's name (the token's "name" claim) beside their login.
alter table vote add column member_name text;
alter table decision add column decided_by_name text;
