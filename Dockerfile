# provenance in a container:
#   docker build -t provenance .
#   docker run --rm -v "$PWD:/work" provenance check articles/
# The image holds the package and its dependencies (no test or semantic
# extras); nothing is downloaded when it runs. Tested by
# tests/test_integration_files.py when `docker info` works (else skipped).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /opt/provenance
COPY pyproject.toml README.md LICENSE ./
COPY provenance ./provenance
# compiled once here: the image's files are read-only to most users
RUN python -m pip install . && python -m compileall -q /usr/local/lib/python3.11/site-packages/provenance

RUN useradd --create-home --uid 1000 reader
USER reader
WORKDIR /work
ENTRYPOINT ["provenance"]
CMD ["--help"]
