-- API token scopes. Tokens made before scopes existed could do everything: they keep that as 'admin'.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'admin';
