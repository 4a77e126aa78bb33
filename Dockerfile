FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Storefront -c Release -o /app

# The demo photos' artwork (Twemoji, CC-BY 4.0), as ./run.sh installs it; only its SVG folder is kept.
FROM node:20-slim AS artwork
WORKDIR /src
COPY tools/twemoji/package.json tools/twemoji/package-lock.json tools/twemoji/
RUN npm ci --prefix tools/twemoji --no-audit --no-fund

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
COPY --from=artwork /src/tools/twemoji/node_modules/@discordapp/twemoji/dist/svg /app/demo-artwork
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 Media__Root=/data/media Demo__Artwork=/app/demo-artwork
EXPOSE 8080
ENTRYPOINT ["dotnet", "PasKreatif.Storefront.dll"]
