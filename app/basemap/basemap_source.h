// What the osm plugin of Qt Location needs to show one basemap: its plugin parameters,
// and the masking that keeps a tile-service key (Tianditu `tk=`) out of every message.
#pragma once

#include <map>
#include <string>

#include "model/error.h"

namespace coopmap::basemap {

// The parameters of a Plugin { name: "osm" } for tiles already in `osm.mapping.offline.directory`
// layout. The custom host points to a folder that does not exist, so no tile is ever fetched
// from the network and the provider list is never downloaded.
std::map<std::string, std::string> offline_parameters(const std::string& tile_directory,
                                                      const std::string& cache_directory);

// An online XYZ/WMTS template ({z} {x} {y}; {s} or {0-7} for a subdomain, the first is used;
// {tk} or {key} for the user's key) turned into `osm.mapping.custom.host`, whose tiles Qt
// fetches as host + "%z/%x/%y.png" (the first %x %y %z are the ones used).
Result<std::string> custom_host(const std::string& url_template, const std::string& key);

std::map<std::string, std::string> online_parameters(const std::string& host, const std::string& cache_directory);

// The text with the values of tk=, key=, apikey=, api_key=, token= and access_token= (and the
// given key wherever it appears) replaced by "***": for every message, status line and log.
std::string mask_secrets(std::string text, const std::string& key = {});

// Routes Qt's own messages (Qt Location logs tile URLs on errors) through mask_secrets before
// the previous handler. Installed once; safe to call again.
void install_masking_message_handler();

}  // namespace coopmap::basemap
