# Build a static binary, then run it as a non-root user in a minimal image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/extractor ./cmd/extractor

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/extractor /usr/local/bin/extractor
COPY --from=build /src/NOTICE /usr/share/doc/extractor/NOTICE
COPY --from=build /src/licenses /usr/share/doc/extractor/licenses
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/extractor"]
CMD ["extract", "--demo"]
