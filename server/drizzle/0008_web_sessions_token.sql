ALTER TABLE `sign_in_links` ADD `token_id` text REFERENCES tokens(id);--> statement-breakpoint
ALTER TABLE `web_sessions` ADD `token_id` text REFERENCES tokens(id);--> statement-breakpoint
CREATE INDEX `web_sessions_token_idx` ON `web_sessions` (`token_id`);