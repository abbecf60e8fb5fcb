FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ROSTER_DATABASE_URL=sqlite:////data/roster.sqlite \
    ROSTER_HOST=0.0.0.0 \
    ROSTER_PORT=8080 \
    TZ=Asia/Shanghai

WORKDIR /app
COPY pyproject.toml README.md ./
COPY roster ./roster
COPY domain ./domain
COPY solver ./solver
COPY calendars ./calendars
COPY web ./web
RUN pip install --no-cache-dir . \
    && useradd --create-home --uid 10001 roster \
    && mkdir -p /data && chown roster:roster /data

USER roster
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8080/health', timeout=4).status == 200 else 1)"
# `roster serve` refuses a store that does not exist; `roster init` makes it on first start
# (and leaves an existing one as it is).
CMD ["sh", "-c", "roster init && exec roster serve --host 0.0.0.0 --port 8080"]
