use "sub.comp"
