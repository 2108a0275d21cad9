"""studybot: an offline Telegram study assistant."""
