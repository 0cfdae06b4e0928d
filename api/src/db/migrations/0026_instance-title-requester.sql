ALTER TABLE `instances` ADD `title` text;--> statement-breakpoint
ALTER TABLE `instances` ADD `requester_org_id` text;--> statement-breakpoint
-- Who filed each existing instance: its subject, or for an instance about the whole district the starter's
-- own department or school (any grant below the district). Titles are rendered from each definition's
-- declared template right after the migrations (api/src/bootstrap/fill-titles.ts): SQL cannot read it.
UPDATE `instances` SET `requester_org_id` = CASE
  WHEN (SELECT d.`subject` FROM `definitions` d WHERE d.`id` = `instances`.`definition_id`) = 'district'
  THEN coalesce(
    (SELECT g.`org_id` FROM `role_grants` g JOIN `organisations` o ON o.`id` = g.`org_id`
      WHERE g.`user_id` = `instances`.`created_by` AND o.`type` <> 'district' ORDER BY g.`role`, g.`org_id` LIMIT 1),
    `subject_org_id`)
  ELSE `subject_org_id` END
WHERE `requester_org_id` IS NULL;
